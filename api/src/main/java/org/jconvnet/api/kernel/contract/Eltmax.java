package org.jconvnet.api.kernel.contract;

import java.util.List;
import org.jconvnet.api.kernel.KernelCall;
import org.jconvnet.api.kernel.KernelOp;
import org.jconvnet.api.tensor.Tensor;

/**
 * {@code eltmax}: the elementwise maximum of same-sized inputs, one launch per input.
 */
public final class Eltmax {
    /** The kernel key's layer type. */
    public static final String TYPE = "eltmax";

    private Eltmax() {
    }

    /**
     * {@code eltmax/forward}: {@code output = input} (accumulate 0) or {@code max(output, input)} (1).
     *
     * @param numCases N
     * @param accumulate take the maximum with the output rather than copy
     * @param input any size
     * @param output the same size
     */
    public record Forward(int numCases, boolean accumulate, Tensor input, Tensor output)
            implements KernelCall {
        @Override
        public KernelOp<Forward> kernelOp() {
            return KernelOps.ELTMAX_FORWARD;
        }
    }

    /**
     * {@code eltmax/backward-input}: {@code inputGrad (+)= outputGrad * [input == output]} (every tie gets it).
     *
     * @param numCases N
     * @param accumulate add to the input gradient rather than overwrite it
     * @param input this input
     * @param output the forward output
     * @param outputGrad the output gradient
     * @param inputGrad the input gradient
     */
    public record BackwardInput(int numCases, boolean accumulate, Tensor input, Tensor output, Tensor outputGrad, Tensor inputGrad)
            implements KernelCall {
        @Override
        public KernelOp<BackwardInput> kernelOp() {
            return KernelOps.ELTMAX_BACKWARD_INPUT;
        }
    }

    /**
     * The sample calls of {@code eltmax} (see {@link KernelSample}). Backward first takes the
     * maximum of its input and output, so about half of the elements are the maximum and pass
     * their gradient.
     *
     * @return the sample calls of {@code eltmax}
     */
    public static List<KernelSample> samples() {
        return Samples.elementwise(Eltmax::add);
    }

    private static void add(Samples s, int rows, int n, String label, KernelSample.Kind kind) {
        s.bothAccumulates(KernelOps.ELTMAX_FORWARD, label, kind, Samples.FEW, Samples.FEW_REASON, (t, acc) -> KernelSample.Calls.of(
                new Forward(n, acc, t.random("input", rows, n), t.random("output", rows, n))));
        s.bothAccumulates(KernelOps.ELTMAX_BACKWARD_INPUT, label, kind, Samples.FEW, Samples.FEW_REASON, (t, acc) -> {
            Tensor in = t.random("input", rows, n);
            Tensor out = t.random("output", rows, n);
            return KernelSample.Calls.after(new Forward(n, true, in, out), new BackwardInput(n, acc, in, out,
                    t.random("outputGrad", rows, n), t.random("inputGrad", rows, n)));
        });
    }
}
