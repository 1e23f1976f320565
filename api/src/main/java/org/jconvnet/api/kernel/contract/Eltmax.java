package org.jconvnet.api.kernel.contract;

import java.util.Map;
import org.jconvnet.api.kernel.KernelCall;
import org.jconvnet.api.kernel.Ops;
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
        public String layerType() {
            return TYPE;
        }

        @Override
        public String op() {
            return Ops.BACKWARD_INPUT;
        }

        @Override
        public Map<String, Tensor> tensors() {
            return KernelCall.named("input", input, "output", output, "outputGrad", outputGrad, "inputGrad", inputGrad);
        }
    }
}
