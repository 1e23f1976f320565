package org.jconvnet.conformance;

import java.util.stream.Stream;
import org.jconvnet.conformance.junit.ConformanceTests;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;

/**
 * The reference itself: central-difference gradient checks of every plugin case, the external golden
 * cases (skipped when the shared folder is absent) and the suite's frozen golden cases.
 */
class ReferenceConformanceTest {
    @TestFactory
    Stream<DynamicNode> reference() {
        return ConformanceTests.forReference();
    }
}
