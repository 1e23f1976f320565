package org.jconvnet.conformance;

import java.util.stream.Stream;
import org.jconvnet.conformance.junit.ConformanceTests;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;

/**
 * The CUDA backend against the reference. Without a GPU it is skipped with its probe's reason;
 * {@code -Djconvnet.conformance.require=cuda} turns that into a failure on GPU machines.
 */
class CudaConformanceTest {
    @TestFactory
    Stream<DynamicNode> conformance() {
        return ConformanceTests.forBackend("cuda");
    }
}
