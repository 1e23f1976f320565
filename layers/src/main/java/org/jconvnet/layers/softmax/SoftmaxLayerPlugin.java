package org.jconvnet.layers.softmax;

import static org.jconvnet.layers.support.Cases.gaussian;

import java.util.List;
import java.util.Optional;
import org.jconvnet.api.ApiVersion;
import org.jconvnet.api.kernel.contract.Softmax;
import org.jconvnet.api.layer.Layer;
import org.jconvnet.api.layer.LayerCase;
import org.jconvnet.api.layer.LayerConfig;
import org.jconvnet.api.layer.LayerPlugin;
import org.jconvnet.api.layer.LayerRun;
import org.jconvnet.api.tensor.Tensor;
import org.jconvnet.layers.support.BaseLayer;
import org.jconvnet.layers.support.Cases;
import org.jconvnet.layers.support.Inputs;

/**
 * {@code type=softmax} (cuda-convnet.md §3.10): per case {@code y_j = exp(x_j - max x) / sum_k exp(x_k - max x)}.
 * Key: {@code inputs} (exactly one). When its only consumer is {@code cost.logreg}, that layer
 * computes the combined gradient and this layer's backward is skipped by the net.
 */
public final class SoftmaxLayerPlugin implements LayerPlugin {

    @Override
    public int apiVersion() {
        return ApiVersion.CURRENT;
    }

    @Override
    public String type() {
        return "softmax";
    }

    @Override
    public Layer configure(LayerConfig c) {
        Inputs.count(c, 1, 1);
        return new SoftmaxLayer(c.name(), c.inputs().get(0).outputs());
    }

    @Override
    public List<LayerCase> conformanceCases() {
        return List.of(
                Cases.of("seed-probs", "probs", "type=softmax\n", "", List.of(gaussian(10)), 8, 901, Cases.TRANSCENDENTAL),
                Cases.of("classes7-batch1", "s", "type=softmax\n", "", List.of(gaussian(7)), 1, 902, Cases.TRANSCENDENTAL),
                Cases.of("classes1000-odd", "s", "type=softmax\n", "", List.of(gaussian(1000)), 3, 903, Cases.TRANSCENDENTAL));
    }

    /** A configured softmax layer. */
    static final class SoftmaxLayer extends BaseLayer {
        SoftmaxLayer(String name, int classes) {
            super(name, "softmax", classes, null, vectorMessage("softmax", name, classes), List.of(), List.of());
        }

        @Override
        public void forward(LayerRun run) {
            run.launch(new Softmax.Forward(run.numCases(), outputs(), run.input(0), run.output()));
        }

        @Override
        public void backward(LayerRun run) {
            Optional<Tensor> g = run.inputGrad(0);
            if (g.isPresent()) {
                run.launch(new Softmax.BackwardInput(run.numCases(), outputs(), run.accumulate(0), run.output(),
                        run.outputGrad(), g.get()));
            }
        }
    }
}
