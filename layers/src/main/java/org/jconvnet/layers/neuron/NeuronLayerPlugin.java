package org.jconvnet.layers.neuron;

import static org.jconvnet.layers.support.Cases.gaussian;
import static org.jconvnet.layers.support.Cases.positive;

import java.util.List;
import java.util.Optional;
import org.jconvnet.api.ApiVersion;
import org.jconvnet.api.kernel.contract.Neuron;
import org.jconvnet.api.layer.Layer;
import org.jconvnet.api.layer.LayerCase;
import org.jconvnet.api.layer.LayerConfig;
import org.jconvnet.api.layer.LayerInput;
import org.jconvnet.api.layer.LayerPlugin;
import org.jconvnet.api.layer.LayerRun;
import org.jconvnet.api.tensor.Tensor;
import org.jconvnet.layers.support.BaseLayer;
import org.jconvnet.layers.support.Cases;
import org.jconvnet.layers.support.Inputs;

/**
 * {@code type=neuron} (cuda-convnet.md §3.9): an element-wise function, written
 * {@code neuron=name} or {@code neuron=name[a,b]}: ident, relu, logistic, tanh[a,b], abs, square,
 * sqrt, linear[a,b], softrelu, brelu[a]. Usually created by the {@code neuron=} shorthand of
 * another layer ({@code <layer>_neuron}); the output keeps the input's image geometry.
 *
 * <p><b>softrelu:</b> the kernels use the correct derivative {@code 1 - e^-y}. cuda-convnet 1 used
 * {@code y} where it meant {@code x} (a known bug, cuda-convnet.md §3.9 and §10.8; cuda-convnet2 fixed
 * it), so jconvnet's softrelu gradients differ from cuda-convnet 1's, deliberately.
 */
public final class NeuronLayerPlugin implements LayerPlugin {

    @Override
    public int apiVersion() {
        return ApiVersion.CURRENT;
    }

    @Override
    public String type() {
        return "neuron";
    }

    @Override
    public Layer configure(LayerConfig c) {
        Inputs.count(c, 1, 1);
        NeuronFunction f = NeuronFunction.parse(c, c.definition().string("neuron"));
        LayerInput in = c.inputs().get(0);
        return new NeuronLayer(c.name(), in, f);
    }

    /** Functions computed with exp, log, tanh or sqrt, which float32 devices round differently. */
    private static final java.util.Set<String> TRANSCENDENTAL_NEURONS = java.util.Set.of("logistic", "tanh", "softrelu", "sqrt");

    @Override
    public List<LayerCase> conformanceCases() {
        String[] fns = {"ident", "relu", "logistic", "tanh[1.7159,0.6667]", "abs", "square", "sqrt",
            "linear[3,2.2]", "softrelu", "brelu[1.5]"};
        List<LayerCase> out = new java.util.ArrayList<>();
        int[] cases = {4, 1, 3, 5, 2, 7, 3, 1, 6, 3};
        for (int i = 0; i < fns.length; i++) {
            String name = fns[i].replaceAll("\\[.*", "");
            boolean positiveOnly = name.equals("sqrt");
            out.add(Cases.of(name, "n", "type=neuron\nneuron=" + fns[i] + "\n", "",
                    List.of(positiveOnly ? positive(37) : gaussian(37)), cases[i], 800 + i,
                    TRANSCENDENTAL_NEURONS.contains(name) ? Cases.TRANSCENDENTAL : java.util.Map.of()));
        }
        out.add(Cases.of("relu-seed-conv1-shape", "n", "type=neuron\nneuron=relu\n", "",
                List.of(gaussian(64 * 32 * 32)), 2, 820));
        return out;
    }

    /** A configured neuron layer. */
    static final class NeuronLayer extends BaseLayer {
        private final NeuronFunction f;

        NeuronLayer(String name, LayerInput in, NeuronFunction f) {
            super(name, "neuron", in.outputs(), in.image().orElse(null), vectorMessage("neuron", name, in.outputs()),
                    List.of(), List.of());
            this.f = f;
        }

        /** The function this layer applies. */
        NeuronFunction function() {
            return f;
        }

        private Neuron.Function contract() {
            return new Neuron.Function(f.code(), f.a(), f.b());
        }

        @Override
        public void forward(LayerRun run) {
            run.launch(new Neuron.Forward(contract(), run.numCases(), run.input(0), run.output()));
        }

        @Override
        public void backward(LayerRun run) {
            Optional<Tensor> g = run.inputGrad(0);
            if (g.isPresent()) {
                run.launch(new Neuron.BackwardInput(contract(), run.numCases(), run.accumulate(0), run.input(0),
                        run.output(), run.outputGrad(), g.get()));
            }
        }
    }
}
