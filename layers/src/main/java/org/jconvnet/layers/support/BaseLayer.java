package org.jconvnet.layers.support;

import java.util.List;
import java.util.Optional;
import org.jconvnet.api.layer.Layer;
import org.jconvnet.api.layer.ParamSpec;
import org.jconvnet.api.layer.ScratchSpec;
import org.jconvnet.api.tensor.ImageShape;

/** The bookkeeping part of a {@link Layer}: name, type, output shape, message, params, scratch. */
public abstract class BaseLayer implements Layer {
    private final String name;
    private final String type;
    private final int outputs;
    private final ImageShape image;
    private final String initMessage;
    private final List<ParamSpec> params;
    private final List<ScratchSpec> scratch;

    /**
     * Creates the layer description.
     *
     * @param name        section name
     * @param type        cuda-convnet {@code type=}
     * @param outputs     rows per case
     * @param image       output image geometry, or null for vector outputs
     * @param initMessage cuda-convnet's "Initialized ..." line
     * @param params      owned parameters (weights per input, then biases)
     * @param scratch     buffers kept from forward to backward
     */
    protected BaseLayer(String name, String type, int outputs, ImageShape image, String initMessage,
                        List<ParamSpec> params, List<ScratchSpec> scratch) {
        this.name = name;
        this.type = type;
        this.outputs = outputs;
        this.image = image;
        this.initMessage = initMessage;
        this.params = List.copyOf(params);
        this.scratch = List.copyOf(scratch);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String type() {
        return type;
    }

    @Override
    public int outputs() {
        return outputs;
    }

    @Override
    public Optional<ImageShape> outputImage() {
        return Optional.ofNullable(image);
    }

    @Override
    public String initMessage() {
        return initMessage;
    }

    @Override
    public List<ParamSpec> params() {
        return params;
    }

    @Override
    public List<ScratchSpec> scratch() {
        return scratch;
    }

    /** cuda-convnet's line for an image-producing layer: {@code Initialized <kind> layer 'x', producing 32x32 64-channel output}. */
    public static String imageMessage(String kind, String name, ImageShape shape) {
        return "Initialized " + kind + " layer '" + name + "', producing " + shape.describe() + " output";
    }

    /** cuda-convnet's line for a vector layer: {@code Initialized <kind> layer 'x', producing 10 outputs}. */
    public static String vectorMessage(String kind, String name, int outputs) {
        return "Initialized " + kind + " layer '" + name + "', producing " + outputs + " outputs";
    }

    @Override
    public String toString() {
        return type + " '" + name + "' (" + outputs + " outputs)";
    }
}
