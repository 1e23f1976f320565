package org.jconvnet.api.kernel.contract;

import java.util.Map;
import org.jconvnet.api.kernel.KernelCall;
import org.jconvnet.api.kernel.Ops;
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
        public String layerType() {
            return TYPE;
        }

        @Override
        public String op() {
            return Ops.FORWARD;
        }

        @Override
        public Map<String, Tensor> tensors() {
            return KernelCall.named("output", output, "biases", biases);
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
        public String layerType() {
            return TYPE;
        }

        @Override
        public String op() {
            return Ops.BACKWARD_WEIGHTS;
        }

        @Override
        public Map<String, Tensor> tensors() {
            return KernelCall.named("outputGrad", outputGrad, "biasesGrad", biasesGrad);
        }
    }
}
