package org.jconvnet.train;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jconvnet.train.data.CifarBatchReader;
import org.jconvnet.train.data.SyntheticCifar;

/** Tiny CIFAR-format batches on disk and the tiny test net, for fast end-to-end tests. */
final class TinyData {
    private TinyData() {
    }

    /** Writes training batches 1..3 of {@code n} images and test batch 6 of {@code n} images. */
    static Path write(Path dir, int n) throws IOException {
        SyntheticCifar s = new SyntheticCifar(3, n, n);
        Files.createDirectories(dir);
        for (int k = 1; k <= 3; k++) {
            Files.write(dir.resolve("data_batch_" + k + ".bin"), CifarBatchReader.encode(s.batch(k)));
        }
        Files.write(dir.resolve("test_batch.bin"), CifarBatchReader.encode(s.batch(6)));
        return dir;
    }

    /** The tiny net's layer-definition file (its params file lies alongside). */
    static String tinyNet() {
        try {
            return Path.of(TinyData.class.getResource("/nets/layers-tiny.cfg").toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
