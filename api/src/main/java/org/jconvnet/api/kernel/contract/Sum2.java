package org.jconvnet.api.kernel.contract;

import java.util.Map;
import org.jconvnet.api.kernel.KernelCall;
import org.jconvnet.api.kernel.Ops;
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
        public String layerType() {
            return TYPE;
        }

        @Override
        public String op() {
            return Ops.BACKWARD_INPUT;
        }

        @Override
        public Map<String, Tensor> tensors() {
            return KernelCall.named("input", input, "inputGrad", inputGrad);
        }
    }
}
