package org.jconvnet.examples.cmpool;

import java.util.stream.Stream;
import org.jconvnet.conformance.junit.ConformanceTests;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;

/**
 * jconvnet's conformance suite on this plugin's cases, for every backend (unavailable ones are
 * skipped with their reason; {@code -Djconvnet.conformance.require=opencl} makes that a failure),
 * plus the central-difference gradient check of the CPU reference. The suite also lists the
 * built-in layers' checks; they are left out here (they run lazily, so they cost nothing).
 */
class CmPoolConformanceTest {
    @TestFactory
    Stream<DynamicNode> conformance() {
        return Stream.concat(Stream.of("cpu", "opencl", "cuda")
                        .map(id -> DynamicContainer.dynamicContainer(id, cmpoolOnly(ConformanceTests.forBackend(id)))),
                Stream.of(DynamicContainer.dynamicContainer("reference", cmpoolOnly(ConformanceTests.forReference()))));
    }

    /** Keeps the checks of cmpool and any skip/fail node that concerns the whole backend. */
    private static Stream<DynamicNode> cmpoolOnly(Stream<DynamicNode> suite) {
        return suite.filter(n -> !(n instanceof DynamicContainer) || n.getDisplayName().contains(" " + CmPoolContract.TYPE + " "));
    }
}
