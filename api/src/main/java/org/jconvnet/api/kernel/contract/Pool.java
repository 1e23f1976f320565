package org.jconvnet.api.kernel.contract;

import java.util.Map;
import org.jconvnet.api.kernel.KernelCall;
import org.jconvnet.api.kernel.Ops;
import org.jconvnet.api.tensor.Tensor;

/**
 * {@code pool} (cuda-convnet.md §3.5): output (c, oy, ox) pools input rows and columns
 * {@code [start + o*stride, start + o*stride + sizeX)}, clipped to {@code [0, S)}, never padded.
 * Max starts from -2e38 (cuda-convnet's base value); avg divides by the clipped count.
 * Input {@code C*S*S x N}, output {@code C*O*O x N} with {@code O = outputsX}.
 */
public final class Pool {
    /** The kernel key's layer type. */
    public static final String TYPE = "pool";

    private Pool() {
    }

    /**
     * The geometry of a pool layer.
     *
     * @param channels C
     * @param imgSize  S, the input side
     * @param sizeX    window side
     * @param start    first window's offset (may be negative)
     * @param stride   window stride
     * @param outputsX O, output side
     * @param average  avg pooling, else max
     */
    public record Shape(int channels, int imgSize, int sizeX, int start, int stride, int outputsX, boolean average) {
        /** Rows of the input: {@code C*S*S}. */
        public long inputRows() {
            return (long) channels * imgSize * imgSize;
        }

        /** Rows of the output: {@code C*O*O}. */
        public long outputRows() {
            return (long) channels * outputsX * outputsX;
        }
    }

    /**
     * {@code pool/forward}: max or average over each clipped window.
     *
     * @param shape the geometry
     * @param numCases N
     * @param input {@code C*S*S x N}
     * @param output {@code C*O*O x N}, overwritten
     */
    public record Forward(Shape shape, int numCases, Tensor input, Tensor output)
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
     * {@code pool/backward-input}: max passes {@code outputGrad[o]} to every input equal to
     * {@code output[o]} (ties all get it); avg passes {@code outputGrad[o] / count(o)}.
     *
     * @param shape the geometry
     * @param numCases N
     * @param accumulate add to the input gradient rather than overwrite it
     * @param input {@code C*S*S x N}
     * @param output the forward output
     * @param outputGrad {@code C*O*O x N}
     * @param inputGrad {@code C*S*S x N}
     */
    public record BackwardInput(Shape shape, int numCases, boolean accumulate, Tensor input, Tensor output, Tensor outputGrad, Tensor inputGrad)
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
