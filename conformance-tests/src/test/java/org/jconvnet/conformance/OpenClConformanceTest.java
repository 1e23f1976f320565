package org.jconvnet.conformance;

import java.util.stream.Stream;
import org.jconvnet.conformance.junit.ConformanceTests;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;

/** The OpenCL backend (PoCL in CI) against the reference; skipped with its reason where unavailable. */
class OpenClConformanceTest {
    @TestFactory
    Stream<DynamicNode> conformance() {
        return ConformanceTests.forBackend("opencl");
    }
}
