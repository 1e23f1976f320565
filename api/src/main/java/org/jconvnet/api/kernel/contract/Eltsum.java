package org.jconvnet.api.kernel.contract;

import java.util.List;
import org.jconvnet.api.kernel.KernelCall;
import org.jconvnet.api.kernel.KernelOp;
import org.jconvnet.api.tensor.Tensor;

/**
 * {@code eltsum}: a weighted sum of same-sized inputs, one launch per input.
 */
public final class Eltsum {
    /** The kernel key's layer type. */
    public static final String TYPE = "eltsum";

    private Eltsum() {
    }

    /**
     * {@code eltsum/forward}: {@code output (+)= coeff * input}.
     *
     * @param numCases N
     * @param coeff this input's coefficient
     * @param accumulate add to the output rather than overwrite it
     * @param input any size
     * @param output the same size
     */
    public record Forward(int numCases, double coeff, boolean accumulate, Tensor input, Tensor output)
            implements KernelCall {
        @Override
        public KernelOp<Forward> kernelOp() {
            return KernelOps.ELTSUM_FORWARD;
        }
    }

    /**
     * {@code eltsum/backward-input}: {@code inputGrad (+)= coeff * outputGrad}.
     *
     * @param numCases N
     * @param coeff this input's coefficient
     * @param accumulate add to the input gradient rather than overwrite it
     * @param outputGrad any size
     * @param inputGrad the same size
     */
    public record BackwardInput(int numCases, double coeff, boolean accumulate, Tensor outputGrad, Tensor inputGrad)
            implements KernelCall {
        @Override
        public KernelOp<BackwardInput> kernelOp() {
            return KernelOps.ELTSUM_BACKWARD_INPUT;
        }
    }

    /**
     * The sample calls of {@code eltsum} (see {@link KernelSample}).
     *
     * @return the sample calls of {@code eltsum}
     */
    public static List<KernelSample> samples() {
        return Samples.elementwise(Eltsum::add);
    }

    private static void add(Samples s, int rows, int n, String label, KernelSample.Kind kind) {
        s.bothAccumulates(KernelOps.ELTSUM_FORWARD, label, kind, Samples.FEW, Samples.FEW_REASON, (t, acc) -> KernelSample.Calls.of(
                new Forward(n, 0.7, acc, t.random("input", rows, n), t.random("output", rows, n))));
        s.bothAccumulates(KernelOps.ELTSUM_BACKWARD_INPUT, label, kind, Samples.FEW, Samples.FEW_REASON, (t, acc) -> KernelSample.Calls.of(
                new BackwardInput(n, -1.3, acc, t.random("outputGrad", rows, n), t.random("inputGrad", rows, n))));
    }
}
