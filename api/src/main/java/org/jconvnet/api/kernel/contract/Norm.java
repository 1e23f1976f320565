package org.jconvnet.api.kernel.contract;

import java.util.Map;
import org.jconvnet.api.kernel.KernelCall;
import org.jconvnet.api.kernel.Ops;
import org.jconvnet.api.tensor.Tensor;

/**
 * {@code cmrnorm}, {@code rnorm} and {@code cnorm} (cuda-convnet.md §3.6 to §3.8), over
 * {@code C*S*S x N} activations:
 * <pre>
 * forward:  d_r = minDiv + addScale * sum_{q in W(r)} s_q^2,  y_r = x_r * d_r^-pow
 *           (s = x; for cnorm s = m = x - clipped-count mean of x over W, kept in meanDiffs)
 * backward: the exact gradient of that (for cnorm including the mean's dependence on x, cuda-convnet.md §10.8)
 * </pre>
 * W(r) is {@code size} maps around r's map at its pixel (cmrnorm; with {@code blocked}, the
 * non-overlapping block of {@code size} maps holding it), or the {@code size x size} pixels
 * around r's pixel in its map (rnorm, cnorm), clipped; {@code size/2} positions before the centre.
 * Every tensor is {@code C*S*S x N}; {@code meanDiffs} is passed for cnorm only.
 */
public final class Norm {
    private Norm() {
    }

    /** The three normalisation families. */
    public enum Kind {
        /** Across maps (cuda-convnet.md §3.7). */
        CMRNORM("cmrnorm"),
        /** Within a map, spatial window (cuda-convnet.md §3.6). */
        RNORM("rnorm"),
        /** Within a map, of the deviations from the local mean (cuda-convnet.md §3.8). */
        CNORM("cnorm");

        private final String layerType;

        Kind(String layerType) {
            this.layerType = layerType;
        }

        /** The kernel key's layer type. */
        public String layerType() {
            return layerType;
        }
    }

    /**
     * The geometry and constants of a normalisation layer.
     *
     * @param kind     the family
     * @param channels C
     * @param imgSize  S
     * @param size     window size
     * @param blocked  cmrnorm's non-overlapping blocks (false for the others)
     * @param addScale {@code scale/size} (cmrnorm) or {@code scale/size^2}
     * @param pow      the exponent
     * @param minDiv   the additive constant of the denominator
     */
    public record Shape(Kind kind, int channels, int imgSize, int size, boolean blocked, double addScale, double pow,
                        double minDiv) {
        /** Checks that only cmrnorm is blocked. */
        public Shape {
            if (blocked && kind != Kind.CMRNORM) {
                throw new IllegalArgumentException(kind.layerType() + " has no blocked windows");
            }
        }

        /** Rows of every tensor: {@code C*S*S}. */
        public long rows() {
            return (long) channels * imgSize * imgSize;
        }
    }

    /** The named tensors, checking that meanDiffs is passed exactly for cnorm. */
    private static Map<String, Tensor> tensors(Shape shape, Object... nameThenTensor) {
        java.util.List<Object> kept = new java.util.ArrayList<>();
        for (int k = 0; k < nameThenTensor.length; k += 2) {
            boolean mean = nameThenTensor[k].equals("meanDiffs");
            if (mean && (shape.kind() == Kind.CNORM) != (nameThenTensor[k + 1] != null)) {
                throw new IllegalArgumentException(shape.kind().layerType() + ": meanDiffs is passed for cnorm, and only for it");
            }
            if (!mean || nameThenTensor[k + 1] != null) {
                kept.add(nameThenTensor[k]);
                kept.add(nameThenTensor[k + 1]);
            }
        }
        return KernelCall.named(kept.toArray());
    }

    /**
     * {@code forward}: output, denominators (and cnorm's mean differences).
     *
     * @param shape geometry and constants
     * @param numCases N
     * @param input x
     * @param output y
     * @param denoms d, written
     * @param meanDiffs m, written (cnorm only; null otherwise)
     */
    public record Forward(Shape shape, int numCases, Tensor input, Tensor output, Tensor denoms, Tensor meanDiffs)
            implements KernelCall {
        @Override
        public String layerType() {
            return shape.kind().layerType();
        }

        @Override
        public String op() {
            return Ops.FORWARD;
        }

        @Override
        public Map<String, Tensor> tensors() {
            return Norm.tensors(shape, "input", input, "output", output, "denoms", denoms, "meanDiffs", meanDiffs);
        }
    }

    /**
     * {@code backward-input}: the input gradient from the forward's tensors.
     *
     * @param shape geometry and constants
     * @param numCases N
     * @param accumulate add to the input gradient rather than overwrite it
     * @param input x
     * @param output y
     * @param denoms d
     * @param meanDiffs m (cnorm only; null otherwise)
     * @param outputGrad the output gradient
     * @param inputGrad the input gradient
     */
    public record BackwardInput(Shape shape, int numCases, boolean accumulate, Tensor input, Tensor output, Tensor denoms, Tensor meanDiffs, Tensor outputGrad, Tensor inputGrad)
            implements KernelCall {
        @Override
        public String layerType() {
            return shape.kind().layerType();
        }

        @Override
        public String op() {
            return Ops.BACKWARD_INPUT;
        }

        @Override
        public Map<String, Tensor> tensors() {
            return Norm.tensors(shape, "input", input, "output", output, "denoms", denoms, "meanDiffs", meanDiffs, "outputGrad", outputGrad, "inputGrad", inputGrad);
        }
    }
}
