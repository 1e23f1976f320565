package org.jconvnet.api.kernel.contract;

import java.util.Map;
import org.jconvnet.api.kernel.KernelCall;
import org.jconvnet.api.kernel.Ops;
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
        public String layerType() {
            return TYPE;
        }

        @Override
        public String op() {
            return Ops.BACKWARD_INPUT;
        }

        @Override
        public Map<String, Tensor> tensors() {
            return KernelCall.named("outputGrad", outputGrad, "inputGrad", inputGrad);
        }
    }
}
