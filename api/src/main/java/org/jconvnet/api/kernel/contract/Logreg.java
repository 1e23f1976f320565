package org.jconvnet.api.kernel.contract;

import java.util.List;
import org.jconvnet.api.kernel.KernelCall;
import org.jconvnet.api.kernel.KernelOp;
import org.jconvnet.api.tensor.Tensor;

/**
 * {@code cost.logreg} (cuda-convnet.md §3.10): the multinomial logistic cost of class
 * probabilities {@code probs} ({@code K x N}) against {@code labels} ({@code 1 x N}, class indices
 * held as reals).
 */
public final class Logreg {
    /** The kernel key's layer type. */
    public static final String TYPE = "cost.logreg";

    private Logreg() {
    }

    /**
     * {@code cost.logreg/forward}: output row 0 is {@code -ln probs[label, n]}, row 1 is
     * {@code 1 - c_n} where {@code c_n} is 1/#ties when the label's probability is the maximum, else 0.
     *
     * @param numCases N
     * @param classes K
     * @param labels {@code 1 x N}
     * @param probs {@code K x N}
     * @param output {@code 2 x N}
     */
    public record Forward(int numCases, int classes, Tensor labels, Tensor probs, Tensor output)
            implements KernelCall {
        @Override
        public KernelOp<Forward> kernelOp() {
            return KernelOps.LOGREG_FORWARD;
        }
    }

    /**
     * {@code cost.logreg/backward-input}: gradient to probs, {@code -coeff [j = label] / probs[j,n]};
     * or, when {@code throughSoftmax} ({@code cost.logreg/backward-softmax}, cuda-convnet.md §3.10), straight
     * to the input of the softmax that produced probs: {@code coeff (probs[j,n] - [j = label])}.
     *
     * @param numCases N
     * @param classes K
     * @param coeff the cost coefficient
     * @param accumulate add to the gradient rather than overwrite it
     * @param throughSoftmax the gradient is the softmax input's (op {@code backward-softmax})
     * @param labels {@code 1 x N}
     * @param probs {@code K x N}
     * @param inputGrad {@code K x N}
     */
    public record Backward(int numCases, int classes, double coeff, boolean accumulate, boolean throughSoftmax, Tensor labels, Tensor probs, Tensor inputGrad)
            implements KernelCall {
        @Override
        public KernelOp<Backward> kernelOp() {
            return throughSoftmax ? KernelOps.LOGREG_BACKWARD_SOFTMAX : KernelOps.LOGREG_BACKWARD_INPUT;
        }
    }

    /**
     * The sample calls of {@code cost.logreg} (see {@link KernelSample}). Probabilities are a
     * softmax of random logits (run first); case 0's logits are all equal, so every class ties and
     * its error is {@code 1 - 1/K}; case 1's label is class 2 with a clearly largest logit, error 0.
     *
     * @return the sample calls of {@code cost.logreg}
     */
    public static List<KernelSample> samples() {
        Samples s = new Samples();
        add(s, 5, 9, KernelSample.Kind.EDGE);
        add(s, 10, 8, KernelSample.Kind.SEED);
        return s.list();
    }

    private static void add(Samples s, int k, int n, KernelSample.Kind kind) {
        String label = "K=" + k + " N=" + n;
        SampleTensors.Fill logits = (i, u) -> i % n == 0 ? 0 : i % n == 1 && i / n == 2 ? 3 : u;
        SampleTensors.Fill labels = (i, u) -> i == 1 ? 2 : Math.min(k - 1, Math.floor((u + 1) / 2 * k));
        s.add(KernelOps.LOGREG_FORWARD, label, kind, Samples.FEW, Samples.FEW_REASON, t -> {
            Tensor probs = t.random("probs", k, n);
            return KernelSample.Calls.after(new Softmax.Forward(n, k, t.tensor("logits", k, n, logits), probs),
                    new Forward(n, k, t.tensor("labels", 1, n, labels), probs, t.random("output", 2, n)));
        });
        for (boolean throughSoftmax : new boolean[] {false, true}) {
            s.bothAccumulates(throughSoftmax ? KernelOps.LOGREG_BACKWARD_SOFTMAX : KernelOps.LOGREG_BACKWARD_INPUT, label, kind, Samples.FEW,
                    Samples.FEW_REASON, (t, acc) -> {
                        Tensor probs = t.random("probs", k, n);
                        return KernelSample.Calls.after(new Softmax.Forward(n, k, t.tensor("logits", k, n, logits), probs),
                                new Backward(n, k, 1.5, acc, throughSoftmax, t.tensor("labels", 1, n, labels), probs,
                                        t.random("inputGrad", k, n)));
                    });
        }
    }
}
