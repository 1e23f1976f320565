package org.jconvnet.layers.eltmax;

import static org.jconvnet.layers.support.Cases.gaussian;

import java.util.List;
import java.util.Optional;
import org.jconvnet.api.ApiVersion;
import org.jconvnet.api.kernel.contract.Eltmax;
import org.jconvnet.api.layer.Layer;
import org.jconvnet.api.layer.LayerCase;
import org.jconvnet.api.layer.LayerConfig;
import org.jconvnet.api.layer.LayerPlugin;
import org.jconvnet.api.layer.LayerRun;
import org.jconvnet.api.tensor.Tensor;
import org.jconvnet.layers.support.BaseLayer;
import org.jconvnet.layers.support.Cases;
import org.jconvnet.layers.support.Inputs;
import org.jconvnet.layers.support.SameShape;

/**
 * {@code type=eltmax} (cuda-convnet.md §3.12): {@code out = max_i in_i} element-wise; every input equal
 * to the maximum gets the full gradient (ties included). Key: {@code inputs} (two or more, all of
 * one dimension).
 */
public final class EltmaxLayerPlugin implements LayerPlugin {

    @Override
    public int apiVersion() {
        return ApiVersion.CURRENT;
    }

    @Override
    public String type() {
        return "eltmax";
    }

    @Override
    public Layer configure(LayerConfig c) {
        Inputs.count(c, 2, Integer.MAX_VALUE);
        return new EltmaxLayer(c.name(), SameShape.of(c), c.inputs().size());
    }

    @Override
    public List<LayerCase> conformanceCases() {
        return List.of(
                Cases.of("two-inputs", "m", "type=eltmax\n", "", List.of(gaussian(37), gaussian(37)), 3, 1301),
                Cases.of("three-images-batch1", "m", "type=eltmax\n", "",
                        List.of(gaussian(3 * 5 * 5), gaussian(3 * 5 * 5), gaussian(3 * 5 * 5)), 1, 1302));
    }

    /** A configured element-wise maximum. */
    static final class EltmaxLayer extends BaseLayer {
        private final int inputs;

        EltmaxLayer(String name, SameShape shape, int inputs) {
            super(name, "eltmax", shape.outputs(), shape.image(), vectorMessage("elementwise max", name, shape.outputs()),
                    List.of(), List.of());
            this.inputs = inputs;
        }

        @Override
        public void forward(LayerRun run) {
            for (int i = 0; i < inputs; i++) {
                run.launch(new Eltmax.Forward(run.numCases(), i > 0, run.input(i), run.output()));
            }
        }

        @Override
        public void backward(LayerRun run) {
            for (int i = 0; i < inputs; i++) {
                Optional<Tensor> g = run.inputGrad(i);
                if (g.isPresent()) {
                    run.launch(new Eltmax.BackwardInput(run.numCases(), run.accumulate(i), run.input(i), run.output(),
                            run.outputGrad(), g.get()));
                }
            }
        }
    }
}
