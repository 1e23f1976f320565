package org.jconvnet.api.kernel.contract;

import java.util.List;
import java.util.Map;
import org.jconvnet.api.kernel.KernelCall;
import org.jconvnet.api.kernel.KernelOp;
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

        /** {@return the kernel key's layer type} */
        public String layerType() {
            return layerType;
        }

        /** {@return this family's {@code forward} op} */
        public KernelOp<Forward> forward() {
            return switch (this) {
                case CMRNORM -> KernelOps.CMRNORM_FORWARD;
                case RNORM -> KernelOps.RNORM_FORWARD;
                case CNORM -> KernelOps.CNORM_FORWARD;
            };
        }

        /** {@return this family's {@code backward-input} op} */
        public KernelOp<BackwardInput> backwardInput() {
            return switch (this) {
                case CMRNORM -> KernelOps.CMRNORM_BACKWARD_INPUT;
                case RNORM -> KernelOps.RNORM_BACKWARD_INPUT;
                case CNORM -> KernelOps.CNORM_BACKWARD_INPUT;
            };
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
        /**
         * Checks that only cmrnorm is blocked.
         *
         * @param kind the family
         * @param channels C
         * @param imgSize S
         * @param size window size
         * @param blocked cmrnorm's non-overlapping blocks (false for the others)
         * @param addScale {@code scale/size} (cmrnorm) or {@code scale/size^2}
         * @param pow the exponent
         * @param minDiv the additive constant of the denominator
         */
        public Shape {
            if (blocked && kind != Kind.CMRNORM) {
                throw new IllegalArgumentException(kind.layerType() + " has no blocked windows");
            }
        }

        /** {@return rows of every tensor: {@code C*S*S}} */
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
        public KernelOp<Forward> kernelOp() {
            return shape.kind().forward();
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
        public KernelOp<BackwardInput> kernelOp() {
            return shape.kind().backwardInput();
        }

        @Override
        public Map<String, Tensor> tensors() {
            return Norm.tensors(shape, "input", input, "output", output, "denoms", denoms, "meanDiffs", meanDiffs, "outputGrad", outputGrad, "inputGrad", inputGrad);
        }
    }

    /**
     * The sample calls of the three norms (see {@link KernelSample}): windows clipped at both ends,
     * cmrnorm's blocks, case counts past a chunk, and a pow other than 0.75 (the exp/log path of
     * the GPU kernels). Backward runs its forward first.
     *
     * @return the sample calls of {@code rnorm}, {@code cmrnorm} and {@code cnorm}
     */
    public static List<KernelSample> samples() {
        List<KernelSample> out = new java.util.ArrayList<>();
        for (Kind kind : Kind.values()) {
            Samples s = new Samples();
            Object[][] edges = kind == Kind.CMRNORM // maps, S, N, size, blocked, pow
                    ? new Object[][] {{7, 3, 4, 3, false, 0.75}, {7, 3, 4, 4, false, 0.75}, {7, 2, 3, 3, true, 0.75},
                        {9, 3, 11, 5, false, 0.75}, {6, 2, 16, 3, true, 0.75}, {5, 3, 9, 3, false, 0.6}}
                    : kind == Kind.RNORM
                    ? new Object[][] {{2, 5, 3, 3, false, 0.75}, {3, 6, 2, 4, false, 0.75}, {2, 5, 10, 3, false, 0.75},
                        {2, 4, 9, 3, false, 0.6}}
                    : new Object[][] {{2, 5, 3, 3, false, 0.75}, {2, 6, 2, 4, false, 0.75}, {2, 4, 9, 3, false, 0.75},
                        {2, 4, 3, 3, false, 0.6}};
            for (Object[] e : edges) {
                int size = (Integer) e[3];
                double addScale = kind == Kind.CMRNORM ? 0.5 / size : 0.5 / (size * size);
                add(s, new Shape(kind, (Integer) e[0], (Integer) e[1], size, (Boolean) e[4], addScale, (Double) e[5],
                        kind == Kind.RNORM ? 2.0 : 1.0), (Integer) e[2], KernelSample.Kind.EDGE);
            }
            // the seed net's norms: 32 maps of 8 x 8 at batch 8
            add(s, new Shape(kind, 32, 8, 3, false, 0.001, 0.75, 1.0), 8, KernelSample.Kind.SEED);
            out.addAll(s.list());
        }
        return out;
    }

    private static void add(Samples s, Shape g, int n, KernelSample.Kind kind) {
        String label = String.format("F=%d S=%d N=%d size=%d pow=%s%s", g.channels(), g.imgSize(), n, g.size(), g.pow(),
                g.blocked() ? " blocked" : "");
        long rows = g.rows();
        boolean cnorm = g.kind() == Kind.CNORM;
        s.add(g.kind().forward(), label, kind, 1e-5, "float32 pow of a short sum", t -> KernelSample.Calls.of(new Forward(g, n,
                t.random("input", rows, n), t.random("output", rows, n), t.random("denoms", rows, n),
                cnorm ? t.random("meanDiffs", rows, n) : null)));
        s.bothAccumulates(g.kind().backwardInput(), label, kind, 2e-5, "float32 pow and a two-level windowed sum", (t, acc) -> {
            Tensor in = t.random("input", rows, n);
            Tensor out = t.random("output", rows, n);
            Tensor denoms = t.random("denoms", rows, n);
            Tensor meanDiffs = cnorm ? t.random("meanDiffs", rows, n) : null;
            return KernelSample.Calls.after(new Forward(g, n, in, out, denoms, meanDiffs), new BackwardInput(g, n, acc,
                    in, out, denoms, meanDiffs, t.random("outputGrad", rows, n), t.random("inputGrad", rows, n)));
        });
    }
}
