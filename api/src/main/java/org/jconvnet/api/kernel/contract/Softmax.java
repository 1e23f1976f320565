package org.jconvnet.api.kernel.contract;

import java.util.List;
import org.jconvnet.api.kernel.KernelCall;
import org.jconvnet.api.kernel.KernelOp;
import org.jconvnet.api.tensor.Tensor;

/**
 * {@code softmax} (cuda-convnet.md §3.10), per case over a {@code classes x N} matrix.
 */
public final class Softmax {
    /** The kernel key's layer type. */
    public static final String TYPE = "softmax";

    private Softmax() {
    }

    /**
     * {@code softmax/forward}: {@code y_j = exp(x_j - max x) / sum_k exp(x_k - max x)} per case.
     *
     * @param numCases N
     * @param classes D, rows
     * @param input {@code D x N}
     * @param output {@code D x N}
     */
    public record Forward(int numCases, int classes, Tensor input, Tensor output)
            implements KernelCall {
        @Override
        public KernelOp<Forward> kernelOp() {
            return KernelOps.SOFTMAX_FORWARD;
        }
    }

    /**
     * {@code softmax/backward-input}: {@code dx_i (+)= y_i (G_i - sum_j G_j y_j)}.
     *
     * @param numCases N
     * @param classes D, rows
     * @param accumulate add to the input gradient rather than overwrite it
     * @param output the forward output, {@code D x N}
     * @param outputGrad {@code D x N}
     * @param inputGrad {@code D x N}
     */
    public record BackwardInput(int numCases, int classes, boolean accumulate, Tensor output, Tensor outputGrad, Tensor inputGrad)
            implements KernelCall {
        @Override
        public KernelOp<BackwardInput> kernelOp() {
            return KernelOps.SOFTMAX_BACKWARD_INPUT;
        }
    }

    /**
     * The sample calls of {@code softmax} (see {@link KernelSample}); backward runs its forward first.
     *
     * @return the sample calls of {@code softmax}
     */
    public static List<KernelSample> samples() {
        Samples s = new Samples();
        add(s, 10, 6, KernelSample.Kind.EDGE);
        add(s, 10, 8, KernelSample.Kind.SEED);
        return s.list();
    }

    private static void add(Samples s, int d, int n, KernelSample.Kind kind) {
        String label = "D=" + d + " N=" + n;
        s.add(KernelOps.SOFTMAX_FORWARD, label, kind, Samples.FEW, Samples.FEW_REASON,
                t -> KernelSample.Calls.of(new Forward(n, d, t.random("input", d, n), t.random("output", d, n))));
        s.bothAccumulates(KernelOps.SOFTMAX_BACKWARD_INPUT, label, kind, Samples.FEW, Samples.FEW_REASON, (t, acc) -> {
            Tensor out = t.random("output", d, n);
            return KernelSample.Calls.after(new Forward(n, d, t.random("input", d, n), out),
                    new BackwardInput(n, d, acc, out, t.random("outputGrad", d, n), t.random("inputGrad", d, n)));
        });
    }
}
