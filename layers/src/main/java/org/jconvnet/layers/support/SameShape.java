package org.jconvnet.layers.support;

import org.jconvnet.api.layer.LayerConfig;
import org.jconvnet.api.layer.LayerInput;
import org.jconvnet.api.tensor.ImageShape;

/**
 * The common shape of the inputs of an element-wise layer: every input must have the same
 * dimension; the image geometry is kept when all inputs agree on it.
 *
 * @param outputs the common dimension
 * @param image   the common image geometry, or null
 */
public record SameShape(int outputs, ImageShape image) {

    /**
     * Checks the inputs of {@code c}.
     *
     * @throws org.jconvnet.api.config.ConfigException at key {@code inputs} when dimensions differ
     */
    public static SameShape of(LayerConfig c) {
        LayerInput first = c.inputs().get(0);
        ImageShape image = first.image().orElse(null);
        for (LayerInput in : c.inputs()) {
            if (in.outputs() != first.outputs()) {
                throw c.error("inputs", "all inputs must have the same dimension, but '" + first.name() + "' has "
                        + first.outputs() + " and '" + in.name() + "' has " + in.outputs());
            }
            if (image != null && !image.equals(in.image().orElse(null))) {
                image = null;
            }
        }
        return new SameShape(first.outputs(), image);
    }
}
