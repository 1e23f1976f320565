package org.jconvnet.layers.net;

import org.jconvnet.api.layer.Layer;
import org.jconvnet.api.layer.LearningParams;
import org.jconvnet.api.layer.ParamSpec;
import org.jconvnet.api.tensor.Tensor;

/**
 * One parameter matrix of a {@link Net} as a solver sees it: the layer it belongs to, its spec
 * (shape, memory order and the learning settings {@code epsW}/{@code epsB}, {@code momW}/{@code momB}
 * and {@code wc} of the layer-params file), its value and the gradient of the net's last backward.
 * The net owns both tensors; a solver updates {@link #value()} in place and never closes them.
 */
public final class Parameter {
    private final Layer layer;
    private final ParamSpec spec;
    private final Tensor value;
    private final Tensor grad;

    Parameter(Layer layer, ParamSpec spec, Tensor value, Tensor grad) {
        this.layer = layer;
        this.spec = spec;
        this.value = value;
        this.grad = grad;
    }

    /** The layer that owns this parameter. */
    public Layer layer() {
        return layer;
    }

    /** The parameter's name, shape, memory order and learning settings. */
    public ParamSpec spec() {
        return spec;
    }

    /** The learning settings of the layer-params file, shorthand for {@code spec().learning()}. */
    public LearningParams learning() {
        return spec.learning();
    }

    /**
     * Whether training changes this parameter: its learning rate is not zero throughout. The net
     * computes no gradient for a parameter that does not learn, and a solver leaves it alone.
     */
    public boolean learns() {
        return !spec.learning().eps().isZero();
    }

    /** The parameter's value, {@code rows x cols} of its spec, flat in its memory order. */
    public Tensor value() {
        return value;
    }

    /**
     * The gradient of the objective with respect to this parameter, summed over the cases of the
     * last backward; left as it was (zero after initialisation) when the parameter does not learn.
     */
    public Tensor grad() {
        return grad;
    }

    void close() {
        value.close();
        grad.close();
    }

    @Override
    public String toString() {
        return layer.name() + "." + spec.name();
    }
}
