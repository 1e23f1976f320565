package org.jconvnet.layers.logreg;

import static org.jconvnet.layers.support.Cases.gaussian;
import static org.jconvnet.layers.support.Cases.labels;

import java.util.List;
import java.util.Optional;
import org.jconvnet.api.ApiVersion;
import org.jconvnet.api.kernel.contract.Logreg;
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
 * {@code type=cost.logreg} (cuda-convnet.md §3.11): {@code inputs=labels,probs}; per case row 0 is
 * {@code -ln probs[label]} and row 1 the error {@code 1 - c} (ties credited 1/#ties). Layer
 * parameter {@code coeff} scales the gradient (and the objective), not the reported values.
 *
 * <p>When {@code probs} is a softmax consumed by this layer alone, the net lets this layer
 * compute the combined gradient {@code coeff*(p - onehot)} straight into the softmax's input
 * gradient, as cuda-convnet does. Relaxed: cuda-convnet required {@code probs} to be a softmax;
 * here any layer of per-class probabilities works, with the general gradient
 * {@code -coeff/p[label]}. The labels input must have dimension 1; it gets no gradient.
 */
public final class LogregCostPlugin implements LayerPlugin {

    @Override
    public int apiVersion() {
        return ApiVersion.CURRENT;
    }

    @Override
    public String type() {
        return "cost.logreg";
    }

    @Override
    public Layer configure(LayerConfig c) {
        Inputs.count(c, 2, 2);
        LayerInput labels = c.inputs().get(0);
        LayerInput probs = c.inputs().get(1);
        if (labels.outputs() != 1) {
            throw c.error("inputs", "the first input must be the labels (dimension 1), but '" + labels.name()
                    + "' has " + labels.outputs() + " outputs; write inputs=labels,probs");
        }
        if (probs.outputs() < 2) {
            throw c.error("inputs", "the second input must be the class probabilities, but '" + probs.name()
                    + "' has " + probs.outputs() + " output(s)");
        }
        double coeff = c.requireParams().real("coeff");
        return new LogregCost(c.name(), probs.outputs(), coeff, probs.type().equals("softmax"));
    }

    @Override
    public List<LayerCase> conformanceCases() {
        return List.of(
                softmaxCase("seed-logprob", 10, 8, 1001),
                softmaxCase("classes3-batch1", 3, 1, 1002),
                softmaxCase("classes11-odd", 11, 5, 1003));
    }

    private static LayerCase softmaxCase(String name, int classes, int numCases, long seed) {
        String def = "[labels]\ntype=data\ndataIdx=0\n\n[x]\ntype=data\ndataIdx=1\n\n"
                + "[probs]\ntype=softmax\ninputs=x\n\n[logprob]\ntype=cost.logreg\ninputs=labels,probs\n";
        return new LayerCase(name, "logprob", def, "[logprob]\ncoeff=1\n",
                List.of(labels(classes), gaussian(classes)), numCases, seed, Cases.TRANSCENDENTAL);
    }

    /** A configured logistic-regression cost. */
    static final class LogregCost extends BaseLayer {
        private final int classes;
        private final double coeff;
        private final boolean overSoftmax;

        LogregCost(String name, int classes, double coeff, boolean overSoftmax) {
            super(name, "cost.logreg", 2, null, "Initialized logistic regression cost '" + name + "'", List.of(), List.of());
            this.classes = classes;
            this.coeff = coeff;
            this.overSoftmax = overSoftmax;
        }

        @Override
        public List<String> costNames() {
            return List.of("nll", "error");
        }

        @Override
        public double costCoefficient() {
            return coeff;
        }

        @Override
        public int absorbsBackwardOf() {
            return overSoftmax ? 1 : -1;
        }


        @Override
        public void forward(LayerRun run) {
            run.launch(new Logreg.Forward(run.numCases(), classes, run.input(0), run.input(1), run.output()));
        }

        @Override
        public void backward(LayerRun run) {
            Optional<Tensor> g = run.inputGrad(1);
            if (g.isPresent()) {
                run.launch(new Logreg.Backward(run.numCases(), classes, coeff, run.accumulate(1), run.absorbing(),
                        run.input(0), run.input(1), g.get()));
            }
        }
    }
}
