package org.jconvnet.train;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jconvnet.api.JConvNetException;
import org.jconvnet.layers.net.NetCatalog;
import org.jconvnet.layers.net.NetSource;
import org.jconvnet.train.data.SyntheticCifar;

/**
 * What a run without {@code --data-path} trains on: the embedded synthetic data set
 * ({@link SyntheticCifar}), the seed net with a larger conv1 init, and the demo learning rates
 * ({@value #PARAMS}), sized to show learning within about two minutes on the CPU backend. Its
 * defaults for minibatch, epochs and test frequency are the {@code EMBEDDED_} column of
 * {@link TrainDefaults}.
 */
public final class EmbeddedDemo {
    /** The demo layer-params resource used with the embedded data set and the seed net. */
    public static final String PARAMS = "layer-params-demo.cfg";
    /** Training batches of the embedded set. */
    public static final int BATCHES = 5;
    /** Images per embedded training batch. */
    public static final int IMAGES = 160;
    /** Images in the embedded test batch. */
    public static final int TEST_IMAGES = 200;
    /** The seed net's conv1 {@code initW} in the demo (cuda-convnet ships 0.0001). */
    public static final String CONV1_INITW = "0.01";

    private EmbeddedDemo() {
    }

    /** Prints, before a run on the embedded set, what it is and how to train on real CIFAR-10 instead. */
    static void printNote(java.io.PrintStream err, TrainOptions o) {
        err.println("note: no --data-path given, so this trains on the embedded synthetic data set (10 classes of "
                + "coloured shapes)" + (o.layerDef() == null ? " with the seed net, conv1 initW=" + CONV1_INITW
                + " and the demo learning rates " + (o.layerParams() != null ? o.layerParams() : PARAMS)
                + " (cuda-convnet's own need far more data to leave chance)" : "") + ".");
        err.println("      For real CIFAR-10: jconvnet data download, then jconvnet train --data-path "
                + "~/.cache/jconvnet/cifar-10-batches-bin --layer-def " + NetCatalog.SEED
                + " --data-provider cifar-cropped --train-range 1-5 --test-range 6");
    }

    /** The embedded data set. */
    public static SyntheticCifar data() {
        return new SyntheticCifar(BATCHES, IMAGES, TEST_IMAGES);
    }

    /**
     * The seed net for the embedded demo: {@code layers-conv-local-11pct} exactly, except conv1's
     * {@code initW} raised from 0.0001 to {@value #CONV1_INITW}. With cuda-convnet's tiny conv1
     * init the activations reaching fc10 are ~1e-2 and the net needs epochs of 50000 images before
     * its error leaves 90%; the demo has ~1000 images. Derived from the shipped file at run time so
     * the architecture cannot drift from the seed.
     */
    public static NetSource layerDef() {
        NetSource seed = NetCatalog.layerDef(NetCatalog.SEED);
        Matcher m = Pattern.compile("(\\[conv1\\][^\\[]*?initW\\s*=\\s*)0\\.0001").matcher(seed.text());
        if (!m.find()) {
            throw new JConvNetException("the shipped seed net no longer has conv1 initW=0.0001; update EmbeddedDemo.layerDef");
        }
        String text = seed.text().substring(0, m.start()) + m.group(1) + CONV1_INITW + seed.text().substring(m.end());
        return new NetSource(seed.name() + " (demo: conv1 initW=" + CONV1_INITW + ")", text);
    }

    /** The shipped demo learning rates for the seed net on the embedded data set. */
    public static NetSource layerParams() {
        try (InputStream in = EmbeddedDemo.class.getResourceAsStream(PARAMS)) {
            if (in == null) {
                throw new JConvNetException(PARAMS + " is missing from the train jar");
            }
            return new NetSource(PARAMS, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new JConvNetException("cannot read " + PARAMS + ": " + e.getMessage(), e);
        }
    }
}
