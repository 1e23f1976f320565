package org.jconvnet.examples.cmpool;

import java.util.Optional;
import org.jconvnet.api.layer.Layer;
import org.jconvnet.api.layer.LayerRun;
import org.jconvnet.api.tensor.ImageShape;
import org.jconvnet.api.tensor.Tensor;

/**
 * A configured cross-map max-pooling layer. It owns no parameters and keeps no scratch: backward
 * finds the winners again by comparing the input with the output (cuda-convnet's max-pool rule,
 * so ties all receive the gradient).
 */
public final class CmPoolLayer implements Layer {
    private final String name;
    private final CmPoolGeometry geometry;

    /** Creates the layer {@code name} with a validated geometry. */
    public CmPoolLayer(String name, CmPoolGeometry geometry) {
        this.name = name;
        this.geometry = geometry;
    }

    /** The validated geometry. */
    public CmPoolGeometry geometry() {
        return geometry;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String type() {
        return CmPoolContract.TYPE;
    }

    @Override
    public int outputs() {
        return geometry.outputs() * geometry.imgPixels();
    }

    @Override
    public Optional<ImageShape> outputImage() {
        return Optional.of(new ImageShape(geometry.outputs(), geometry.imgSize()));
    }

    /** cuda-convnet2's wording, without its GPU list. */
    @Override
    public String initMessage() {
        return "Initialized cross-map max-pooling layer '" + name + "', producing " + geometry.imgSize() + "x"
                + geometry.imgSize() + " " + geometry.outputs() + "-channel output";
    }

    @Override
    public void forward(LayerRun run) {
        run.launch(new CmPoolContract.Forward(geometry, run.numCases(), run.input(0), run.output()));
    }

    @Override
    public void backward(LayerRun run) {
        Optional<Tensor> inputGrad = run.inputGrad(0);
        if (inputGrad.isEmpty()) {
            return; // nothing below needs a gradient
        }
        run.launch(new CmPoolContract.BackwardInput(geometry, run.numCases(), run.accumulate(0), run.input(0),
                run.output(), run.outputGrad(), inputGrad.get()));
    }
}
