package org.jconvnet.api.kernel.contract;

import java.util.List;
import org.jconvnet.api.kernel.KernelCall;
import org.jconvnet.api.kernel.KernelOp;
import org.jconvnet.api.tensor.Tensor;

/**
 * {@code bias}: the biases of conv, local and fc layers. Activation row {@code r} of a
 * {@code rows x numCases} matrix uses bias {@code r / repeat} ({@code repeat = M*M} for conv's
 * shared biases, 1 otherwise), so there are {@code rows / repeat} biases.
 */
public final class Bias {
    /** The kernel key's layer type. */
    public static final String TYPE = "bias";

    private Bias() {
    }

    /**
     * {@code bias/forward}: {@code output[r,n] += biases[r / repeat]}.
     *
     * @param numCases N
     * @param repeat   consecutive rows sharing one bias
     * @param output   {@code rows x N}, added to
     * @param biases   {@code rows/repeat x 1}
     */
    public record Forward(int numCases, int repeat, Tensor output, Tensor biases) implements KernelCall {
        @Override
        public KernelOp<Forward> kernelOp() {
            return KernelOps.BIAS_FORWARD;
        }
    }

    /**
     * {@code bias/backward-weights}: {@code biasesGrad[k]} = the sum of {@code outputGrad} over the
     * rows of block {@code k} and over cases (overwrites; no accumulate flag).
     *
     * @param numCases   N
     * @param repeat     consecutive rows sharing one bias
     * @param outputGrad {@code rows x N}
     * @param biasesGrad {@code rows/repeat x 1}
     */
    public record BackwardWeights(int numCases, int repeat, Tensor outputGrad, Tensor biasesGrad) implements KernelCall {
        @Override
        public KernelOp<BackwardWeights> kernelOp() {
            return KernelOps.BIAS_BACKWARD_WEIGHTS;
        }
    }

    /**
     * The sample calls of {@code bias} (see {@link KernelSample}): repeats 1 and more, case counts past a chunk.
     *
     * @return the sample calls of {@code bias}
     */
    public static List<KernelSample> samples() {
        Samples s = new Samples();
        for (int repeat : new int[] {1, 4}) {
            int r = repeat;
            s.add(KernelOps.BIAS_FORWARD, "repeat=" + r, KernelSample.Kind.EDGE, Samples.FEW, Samples.FEW_REASON,
                    t -> KernelSample.Calls.of(new Forward(5, r, t.random("output", 12, 5), t.random("biases", 12 / r, 1))));
            s.add(KernelOps.BIAS_BACKWARD_WEIGHTS, "repeat=" + r, KernelSample.Kind.EDGE, 1e-5, "sums of 60 float32 values",
                    t -> KernelSample.Calls.of(new BackwardWeights(5, r, t.random("outputGrad", 12, 5),
                            t.random("biasesGrad", 12 / r, 1))));
        }
        s.add(KernelOps.BIAS_FORWARD, "repeat=2 N=11", KernelSample.Kind.EDGE, Samples.FEW, Samples.FEW_REASON,
                t -> KernelSample.Calls.of(new Forward(11, 2, t.random("output", 6, 11), t.random("biases", 3, 1))));
        // the seed net's conv1 biases: 32 shared biases over 8 x 8 modules
        s.add(KernelOps.BIAS_FORWARD, "seed conv 32 maps of 8x8", KernelSample.Kind.SEED, Samples.FEW, Samples.FEW_REASON,
                t -> KernelSample.Calls.of(new Forward(8, 64, t.random("output", 32 * 64, 8), t.random("biases", 32, 1))));
        s.add(KernelOps.BIAS_BACKWARD_WEIGHTS, "seed conv 32 maps of 8x8", KernelSample.Kind.SEED, 1e-5, "sums of 512 float32 values",
                t -> KernelSample.Calls.of(new BackwardWeights(8, 64, t.random("outputGrad", 32 * 64, 8),
                        t.random("biasesGrad", 32, 1))));
        return s.list();
    }
}
