package org.jconvnet.conformance;

import java.util.stream.Stream;
import org.jconvnet.conformance.junit.ConformanceTests;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;

/** The fast CPU backend (OpenBLAS) against the reference; skipped with its reason where its natives do not load. */
class CpuBlasConformanceTest {
    @TestFactory
    Stream<DynamicNode> conformance() {
        return ConformanceTests.forBackend("cpu-blas");
    }
}
