package org.jconvnet.conformance;

import java.util.stream.Stream;
import org.jconvnet.conformance.junit.ConformanceTests;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;

/** The CPU reference's float32 kernels against its own float64 mode: the self-check. */
class CpuConformanceTest {
    @TestFactory
    Stream<DynamicNode> conformance() {
        return ConformanceTests.forBackend("cpu");
    }
}
