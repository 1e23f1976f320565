package org.jconvnet.train.data;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** Reads the real CIFAR-10 test batch from the shared data folder, when it is there. */
class SharedCifarTest {

    /** {@code ../shared} of the repository root (the module's parent), else {@code -Djconvnet.shared}. */
    static Path sharedCifar() {
        Path fromRoot = Path.of("").toAbsolutePath().getParent().resolveSibling("shared");
        String prop = System.getProperty("jconvnet.shared");
        for (Path p : new Path[] {fromRoot, prop == null ? null : Path.of(prop)}) {
            if (p != null && Files.isDirectory(p.resolve("data/cifar-10-batches-bin"))) {
                return p.resolve("data/cifar-10-batches-bin");
            }
        }
        return null;
    }

    @Test
    void theOfficialTestBatchIsBatchSixWithAThousandImagesPerClass() {
        Path dir = sharedCifar();
        Assumptions.assumeTrue(dir != null, "shared CIFAR-10 data not found (../shared or -Djconvnet.shared); skipping");
        CifarDirectory d = new CifarDirectory(dir);
        assertEquals(java.util.List.of(1, 2, 3, 4, 5, 6), java.util.List.copyOf(d.available()));
        CifarBatch t = d.batch(6);
        assertEquals(10000, t.numCases());
        int[] counts = new int[10];
        for (int i = 0; i < t.numCases(); i++) {
            counts[t.label(i)]++;
        }
        for (int c : counts) {
            assertEquals(1000, c);
        }
        assertEquals(3, t.label(0), "the first test image is a cat");
        assertEquals("airplane", d.labelNames().get(0));
    }
}
