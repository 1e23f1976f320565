package org.jconvnet.layers.sum2;

import static org.jconvnet.layers.support.Cases.gaussian;

import java.util.List;
import java.util.Optional;
import org.jconvnet.api.ApiVersion;
import org.jconvnet.api.kernel.contract.Sum2;
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
 * {@code type=cost.sum2}: per case {@code sum_d x_d^2}; gradient {@code 2*coeff*x}. Key
 * {@code inputs} (one); layer parameter {@code coeff}.
 */
public final class Sum2CostPlugin implements LayerPlugin {

    @Override
    public int apiVersion() {
        return ApiVersion.CURRENT;
    }

    @Override
    public String type() {
        return "cost.sum2";
    }

    @Override
    public Layer configure(LayerConfig c) {
        Inputs.count(c, 1, 1);
        return new Sum2Cost(c.name(), c.requireParams().real("coeff"));
    }

    @Override
    public List<LayerCase> conformanceCases() {
        return List.of(
                Cases.of("d37-odd", "cost", "type=cost.sum2\n", "coeff=0.5\n", List.of(gaussian(37)), 3, 1101),
                Cases.of("d1-batch1", "cost", "type=cost.sum2\n", "coeff=2\n", List.of(gaussian(1)), 1, 1102));
    }

    /** A configured sum-of-squares cost. */
    static final class Sum2Cost extends BaseLayer {
        private final double coeff;

        Sum2Cost(String name, double coeff) {
            super(name, "cost.sum2", 1, null, "Initialized sum-of-squares cost '" + name + "'", List.of(), List.of());
            this.coeff = coeff;
        }

        @Override
        public List<String> costNames() {
            return List.of("sum2");
        }

        @Override
        public double costCoefficient() {
            return coeff;
        }

        @Override
        public void forward(LayerRun run) {
            run.launch(new Sum2.Forward(run.numCases(), run.input(0), run.output()));
        }

        @Override
        public void backward(LayerRun run) {
            Optional<Tensor> g = run.inputGrad(0);
            if (g.isPresent()) {
                run.launch(new Sum2.BackwardInput(run.numCases(), coeff, run.accumulate(0), run.input(0), g.get()));
            }
        }
    }
}
