package org.jconvnet.layers.support;

import org.jconvnet.api.layer.LayerConfig;
import org.jconvnet.api.layer.LayerInput;
import org.jconvnet.api.tensor.ImageShape;

/** Checks on a layer's inputs that report errors at the right key of the right section. */
public final class Inputs {
    private Inputs() {
    }

    /**
     * Requires between {@code min} and {@code max} inputs (inclusive).
     *
     * @throws org.jconvnet.api.config.ConfigException at key {@code inputs}
     */
    public static void count(LayerConfig c, int min, int max) {
        int n = c.inputs().size();
        if (n < min || n > max) {
            String want = min == max ? "exactly " + min : max == Integer.MAX_VALUE ? "at least " + min : min + " to " + max;
            throw c.error("inputs", "a '" + c.definition().string("type") + "' layer takes " + want
                    + " input(s), got " + n);
        }
    }

    /**
     * The square image geometry of input {@code i} read as {@code channels} maps, the way
     * cuda-convnet does: {@code imgSize = sqrt(outputs/channels)}, which must be exact. When the
     * input layer reports an image geometry, its channel count must also agree.
     *
     * @param c        the layer's configuration
     * @param i        input index
     * @param channels the declared channel count
     * @param key      the key the channel count came from, for errors
     * @throws org.jconvnet.api.config.ConfigException at {@code key} for a non-square or mismatched input
     */
    public static ImageShape image(LayerConfig c, int i, int channels, String key) {
        LayerInput in = c.inputs().get(i);
        if (channels <= 0) {
            throw c.error(key, "must be positive, got " + channels);
        }
        if (in.outputs() % channels != 0) {
            throw c.error(key, "input '" + in.name() + "' has " + in.outputs() + " outputs, which is not "
                    + channels + " channels of a square image (not divisible by " + channels + ")");
        }
        int pixels = in.outputs() / channels;
        int size = (int) Math.round(Math.sqrt(pixels));
        if (size * size != pixels) {
            throw c.error(key, "input '" + in.name() + "' has " + in.outputs() + " outputs = " + channels
                    + " channels x " + pixels + " pixels, and " + pixels + " is not a square: only square images are supported");
        }
        if (in.image().isPresent() && in.image().get().channels() != channels) {
            throw c.error(key, "is " + channels + ", but input '" + in.name() + "' produces "
                    + in.image().get().describe() + " output");
        }
        return new ImageShape(channels, size);
    }

    /** Requires {@code value >= min} for an integer key. */
    public static int atLeast(LayerConfig c, String key, int value, int min) {
        if (value < min) {
            throw c.error(key, "must be at least " + min + ", got " + value);
        }
        return value;
    }
}
