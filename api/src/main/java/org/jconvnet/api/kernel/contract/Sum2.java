package org.jconvnet.api.kernel.contract;

import java.util.List;
import org.jconvnet.api.kernel.KernelCall;
import org.jconvnet.api.kernel.KernelOp;
import org.jconvnet.api.tensor.Tensor;

/**
 * {@code cost.sum2}: the sum of squares of each case's column.
 */
public final class Sum2 {
    /** The kernel key's layer type. */
    public static final String TYPE = "cost.sum2";

    private Sum2() {
    }

    /**
     * {@code cost.sum2/forward}: {@code output[n] = sum_d input[d,n]^2}.
     *
     * @param numCases N
     * @param input {@code D x N}
     * @param output {@code 1 x N}
     */
    public record Forward(int numCases, Tensor input, Tensor output)
            implements KernelCall {
        @Override
        public KernelOp<Forward> kernelOp() {
            return KernelOps.SUM2_FORWARD;
        }
    }

    /**
     * {@code cost.sum2/backward-input}: {@code inputGrad (+)= 2 * coeff * input}.
     *
     * @param numCases N
     * @param coeff the cost coefficient
     * @param accumulate add to the input gradient rather than overwrite it
     * @param input {@code D x N}
     * @param inputGrad {@code D x N}
     */
    public record BackwardInput(int numCases, double coeff, boolean accumulate, Tensor input, Tensor inputGrad)
            implements KernelCall {
        @Override
        public KernelOp<BackwardInput> kernelOp() {
            return KernelOps.SUM2_BACKWARD_INPUT;
        }
    }

    /**
     * The sample calls of {@code cost.sum2} (see {@link KernelSample}).
     *
     * @return the sample calls of {@code cost.sum2}
     */
    public static List<KernelSample> samples() {
        Samples s = new Samples();
        add(s, 6, 5, KernelSample.Kind.EDGE);
        add(s, 10, 8, KernelSample.Kind.SEED);
        return s.list();
    }

    private static void add(Samples s, int d, int n, KernelSample.Kind kind) {
        String label = d + "x" + n;
        s.add(KernelOps.SUM2_FORWARD, label, kind, Samples.FEW, Samples.FEW_REASON,
                t -> KernelSample.Calls.of(new Forward(n, t.random("input", d, n), t.random("output", 1, n))));
        s.bothAccumulates(KernelOps.SUM2_BACKWARD_INPUT, label, kind, Samples.FEW, Samples.FEW_REASON, (t, acc) ->
                KernelSample.Calls.of(new BackwardInput(n, 0.3, acc, t.random("input", d, n), t.random("inputGrad", d, n))));
    }
}
