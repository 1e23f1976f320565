package org.jconvnet.layers.fc;

import static org.jconvnet.layers.support.Cases.gaussian;
import static org.jconvnet.layers.support.Cases.learn;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jconvnet.api.ApiVersion;
import org.jconvnet.api.kernel.contract.Bias;
import org.jconvnet.api.kernel.contract.Fc;
import org.jconvnet.api.layer.Layer;
import org.jconvnet.api.layer.LayerCase;
import org.jconvnet.api.layer.LayerConfig;
import org.jconvnet.api.layer.LayerPlugin;
import org.jconvnet.api.layer.LayerRun;
import org.jconvnet.api.layer.LearningParams;
import org.jconvnet.api.layer.ParamRole;
import org.jconvnet.api.layer.ParamSpec;
import org.jconvnet.api.tensor.MatrixOrder;
import org.jconvnet.api.tensor.Tensor;
import org.jconvnet.layers.support.BaseLayer;
import org.jconvnet.layers.support.Cases;
import org.jconvnet.layers.support.Inputs;
import org.jconvnet.layers.support.Sizes;
import org.jconvnet.layers.support.WeightKeys;

/**
 * {@code type=fc} (cuda-convnet.md §3.4): {@code out[j] = b[j] + sum over inputs of sum_i in[i]*W[i,j]}.
 * Each input has its own {@code Din x Dout} weight matrix, Fortran-ordered as in cuda-convnet
 * checkpoints (W[i,j] at {@code j*Din + i}); the bias vector is {@code 1 x Dout}.
 *
 * <p>Keys: {@code inputs}, {@code outputs}, {@code initW} (per input; defaults to 0.01 as the
 * cuda-convnet wiki documents, where cuda-convnet itself failed to parse the default),
 * {@code initB} (0). Layer parameters: {@code epsW}, {@code epsB}, {@code momW}, {@code momB},
 * {@code wc} (0). {@code weightSource} and the Python init hooks are refused (not supported yet).
 */
public final class FcLayerPlugin implements LayerPlugin {

    @Override
    public int apiVersion() {
        return ApiVersion.CURRENT;
    }

    @Override
    public String type() {
        return "fc";
    }

    @Override
    public Layer configure(LayerConfig c) {
        Inputs.count(c, 1, Integer.MAX_VALUE);
        WeightKeys.rejectUnsupported(c);
        int n = c.inputs().size();
        int out = Inputs.atLeast(c, "outputs", c.definition().integer("outputs"), 1);
        List<Double> initW = WeightKeys.initW(c, n, 0.01);
        List<LearningParams> learning = WeightKeys.weightLearning(c, n);
        List<ParamSpec> params = new ArrayList<>();
        int[] din = new int[n];
        for (int i = 0; i < n; i++) {
            din[i] = c.inputs().get(i).outputs();
            Sizes.product(c, "outputs", "the weights (" + din[i] + " inputs from '" + c.inputs().get(i).name() + "' x "
                    + out + " outputs)", din[i], out);
            params.add(new ParamSpec(ParamSpec.weightsName(i, n), ParamRole.WEIGHTS, i, din[i], out,
                    MatrixOrder.FORTRAN, initW.get(i), 0, learning.get(i)));
        }
        params.add(new ParamSpec(ParamSpec.BIASES, ParamRole.BIASES, -1, 1, out, MatrixOrder.FORTRAN, 0,
                WeightKeys.initB(c), WeightKeys.biasLearning(c)));
        return new FcLayer(c.name(), out, params, din);
    }

    @Override
    public List<LayerCase> conformanceCases() {
        return List.of(
                Cases.of("seed-fc10", "fc10", "type=fc\noutputs=10\ninitW=0.01\ninitB=0.1\n", learn(1),
                        List.of(gaussian(2048)), 8, 301),
                Cases.of("cropped-fc10-batch1", "fc10", "type=fc\noutputs=10\ninitW=0.01\ninitB=0.1\n", learn(1),
                        List.of(gaussian(1152)), 1, 302),
                Cases.of("odd-sizes", "f", "type=fc\noutputs=7\ninitW=0.1\ninitB=0.1\n", learn(1),
                        List.of(gaussian(13)), 5, 303),
                Cases.of("two-inputs", "f", "type=fc\noutputs=16\ninitW=0.1,0.05\ninitB=0.1\n", learn(2),
                        List.of(gaussian(48), gaussian(32)), 3, 304));
    }

    /** The fc layer: per-input products summed, then the bias. */
    static final class FcLayer extends BaseLayer {
        private final int[] din;

        FcLayer(String name, int outputs, List<ParamSpec> params, int[] din) {
            super(name, "fc", outputs, null, vectorMessage("fully-connected", name, outputs), params, List.of());
            this.din = din.clone();
        }

        private Fc.Shape shape(int i) {
            return new Fc.Shape(din[i], outputs());
        }

        private Tensor weights(LayerRun run, int i) {
            return run.param(ParamSpec.weightsName(i, din.length));
        }

        @Override
        public void forward(LayerRun run) {
            for (int i = 0; i < din.length; i++) {
                run.launch(new Fc.Forward(shape(i), run.numCases(), i > 0, run.input(i), weights(run, i), run.output()));
            }
            run.launch(new Bias.Forward(run.numCases(), 1, run.output(), run.param(ParamSpec.BIASES)));
        }

        @Override
        public void backward(LayerRun run) {
            for (int i = 0; i < din.length; i++) {
                Optional<Tensor> g = run.inputGrad(i);
                if (g.isPresent()) {
                    run.launch(new Fc.BackwardInput(shape(i), run.numCases(), run.accumulate(i), run.outputGrad(),
                            weights(run, i), g.get()));
                }
                Optional<Tensor> w = run.paramGrad(ParamSpec.weightsName(i, din.length));
                if (w.isPresent()) {
                    run.launch(new Fc.BackwardWeights(shape(i), run.numCases(), false, run.input(i), run.outputGrad(),
                            w.get()));
                }
            }
            Optional<Tensor> b = run.paramGrad(ParamSpec.BIASES);
            if (b.isPresent()) {
                run.launch(new Bias.BackwardWeights(run.numCases(), 1, run.outputGrad(), b.get()));
            }
        }
    }
}
