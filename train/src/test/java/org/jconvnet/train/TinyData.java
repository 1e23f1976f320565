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

    /**
     * A copy of the tiny net in {@code dir} whose params file has every {@code epsW} set to
     * {@code epsW} (returns the layer-definition file; the params file lies alongside). The shipped
     * rates make the tiny net's cost climb to infinity within a few dozen steps on the synthetic
     * images, which the divergence guard stops; long runs use smaller ones.
     */
    static Path tinyNet(Path dir, String epsW) throws IOException {
        Files.createDirectories(dir);
        Path def = dir.resolve("layers-tiny.cfg");
        Files.copy(Path.of(tinyNet()), def, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Files.writeString(dir.resolve("layer-params-tiny.cfg"), Files.readString(Path.of(tinyNet())
                .resolveSibling("layer-params-tiny.cfg")).replaceAll("epsW=[0-9.]+", "epsW=" + epsW));
        return def;
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
