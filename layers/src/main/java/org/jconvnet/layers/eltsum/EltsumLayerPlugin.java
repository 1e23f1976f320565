package org.jconvnet.layers.eltsum;

import static org.jconvnet.layers.support.Cases.gaussian;

import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.jconvnet.api.ApiVersion;
import org.jconvnet.api.kernel.contract.Eltsum;
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
 * {@code type=eltsum} (cuda-convnet.md §3.12): {@code out = sum_i coeffs_i * in_i}. Keys:
 * {@code inputs} (one or more, all of one dimension), {@code coeffs} (one per input, default 1).
 */
public final class EltsumLayerPlugin implements LayerPlugin {

    @Override
    public int apiVersion() {
        return ApiVersion.CURRENT;
    }

    @Override
    public String type() {
        return "eltsum";
    }

    @Override
    public Layer configure(LayerConfig c) {
        Inputs.count(c, 1, Integer.MAX_VALUE);
        int n = c.inputs().size();
        List<Double> coeffs = c.definition().perInput("coeffs",
                c.definition().realList("coeffs", Collections.nCopies(n, 1.0)), n);
        return new EltsumLayer(c.name(), SameShape.of(c), coeffs);
    }

    @Override
    public List<LayerCase> conformanceCases() {
        return List.of(
                Cases.of("two-inputs", "s", "type=eltsum\ncoeffs=1.5,-0.5\n", "",
                        List.of(gaussian(37), gaussian(37)), 3, 1201),
                Cases.of("three-images-batch1", "s", "type=eltsum\n", "",
                        List.of(gaussian(3 * 5 * 5), gaussian(3 * 5 * 5), gaussian(3 * 5 * 5)), 1, 1202));
    }

    /** A configured element-wise sum. */
    static final class EltsumLayer extends BaseLayer {
        private final List<Double> coeffs;

        EltsumLayer(String name, SameShape shape, List<Double> coeffs) {
            super(name, "eltsum", shape.outputs(), shape.image(), vectorMessage("elementwise sum", name, shape.outputs()),
                    List.of(), List.of());
            this.coeffs = List.copyOf(coeffs);
        }

        @Override
        public void forward(LayerRun run) {
            for (int i = 0; i < coeffs.size(); i++) {
                run.launch(new Eltsum.Forward(run.numCases(), coeffs.get(i), i > 0, run.input(i), run.output()));
            }
        }

        @Override
        public void backward(LayerRun run) {
            for (int i = 0; i < coeffs.size(); i++) {
                Optional<Tensor> g = run.inputGrad(i);
                if (g.isPresent()) {
                    run.launch(new Eltsum.BackwardInput(run.numCases(), coeffs.get(i), run.accumulate(i), run.outputGrad(),
                            g.get()));
                }
            }
        }
    }
}
