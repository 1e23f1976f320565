package org.jconvnet.api.kernel.contract;

import java.util.Map;
import org.jconvnet.api.kernel.KernelCall;
import org.jconvnet.api.kernel.Ops;
import org.jconvnet.api.tensor.Tensor;

/**
 * {@code fc} (cuda-convnet.md §3.4): weights {@code Din x Dout} in Fortran order ({@code W[i,j]} at
 * {@code j*Din + i}); input {@code Din x N}, output {@code Dout x N}.
 */
public final class Fc {
    /** The kernel key's layer type. */
    public static final String TYPE = "fc";

    private Fc() {
    }

    /**
     * The sizes of one input of an fc layer.
     *
     * @param inputs  Din
     * @param outputs Dout
     */
    public record Shape(int inputs, int outputs) {
    }

    /**
     * {@code fc/forward}: {@code output (+)= W^T input}.
     *
     * @param shape      the sizes
     * @param numCases   N
     * @param accumulate add to the output
     * @param input      {@code Din x N}
     * @param weights    {@code Din x Dout}
     * @param output     {@code Dout x N}
     */
    public record Forward(Shape shape, int numCases, boolean accumulate, Tensor input, Tensor weights, Tensor output)
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
            return KernelCall.named("input", input, "weights", weights, "output", output);
        }
    }

    /**
     * {@code fc/backward-input}: {@code inputGrad (+)= W outputGrad}.
     *
     * @param shape      the sizes
     * @param numCases   N
     * @param accumulate add to the input gradient
     * @param outputGrad {@code Dout x N}
     * @param weights    {@code Din x Dout}
     * @param inputGrad  {@code Din x N}
     */
    public record BackwardInput(Shape shape, int numCases, boolean accumulate, Tensor outputGrad, Tensor weights,
                                Tensor inputGrad) implements KernelCall {
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
            return KernelCall.named("outputGrad", outputGrad, "weights", weights, "inputGrad", inputGrad);
        }
    }

    /**
     * {@code fc/backward-weights}: {@code weightsGrad (+)= input outputGrad^T}.
     *
     * @param shape       the sizes
     * @param numCases    N
     * @param accumulate  add to the weight gradient
     * @param input       {@code Din x N}
     * @param outputGrad  {@code Dout x N}
     * @param weightsGrad {@code Din x Dout}
     */
    public record BackwardWeights(Shape shape, int numCases, boolean accumulate, Tensor input, Tensor outputGrad,
                                  Tensor weightsGrad) implements KernelCall {
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
            return KernelCall.named("input", input, "outputGrad", outputGrad, "weightsGrad", weightsGrad);
        }
    }
}
