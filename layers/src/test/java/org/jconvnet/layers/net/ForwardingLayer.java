package org.jconvnet.layers.net;

import java.util.List;
import java.util.Optional;
import org.jconvnet.api.layer.Layer;
import org.jconvnet.api.layer.LayerRun;
import org.jconvnet.api.layer.ParamSpec;
import org.jconvnet.api.layer.ScratchSpec;
import org.jconvnet.api.tensor.ImageShape;

/**
 * A layer that answers every question as {@code inner} does and runs as it does, for tests that
 * watch what the net hands a layer: a subclass overrides {@link #forward} or {@link #backward},
 * notes what it sees and calls {@code super}.
 */
abstract class ForwardingLayer implements Layer {
    /** The layer whose answers and passes this one forwards. */
    protected final Layer inner;

    ForwardingLayer(Layer inner) {
        this.inner = inner;
    }

    @Override
    public String name() {
        return inner.name();
    }

    @Override
    public String type() {
        return inner.type();
    }

    @Override
    public int outputs() {
        return inner.outputs();
    }

    @Override
    public Optional<ImageShape> outputImage() {
        return inner.outputImage();
    }

    @Override
    public String initMessage() {
        return inner.initMessage();
    }

    @Override
    public List<ParamSpec> params() {
        return inner.params();
    }

    @Override
    public List<ScratchSpec> scratch() {
        return inner.scratch();
    }

    @Override
    public Optional<Integer> dataIndex() {
        return inner.dataIndex();
    }

    @Override
    public List<String> costNames() {
        return inner.costNames();
    }

    @Override
    public double costCoefficient() {
        return inner.costCoefficient();
    }

    @Override
    public int absorbsBackwardOf() {
        return inner.absorbsBackwardOf();
    }

    @Override
    public void forward(LayerRun run) {
        inner.forward(run);
    }

    @Override
    public void backward(LayerRun run) {
        inner.backward(run);
    }
}
