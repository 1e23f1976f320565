package org.jconvnet.api.kernel.contract;

import java.util.Map;
import org.jconvnet.api.kernel.KernelCall;
import org.jconvnet.api.kernel.Ops;
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
        public String layerType() {
            return TYPE;
        }

        @Override
        public String op() {
            return Ops.FORWARD;
        }

        @Override
        public Map<String, Tensor> tensors() {
            return KernelCall.named("input", input, "output", output);
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
        public String layerType() {
            return TYPE;
        }

        @Override
        public String op() {
            return Ops.BACKWARD_INPUT;
        }

        @Override
        public Map<String, Tensor> tensors() {
            return KernelCall.named("output", output, "outputGrad", outputGrad, "inputGrad", inputGrad);
        }
    }
}
