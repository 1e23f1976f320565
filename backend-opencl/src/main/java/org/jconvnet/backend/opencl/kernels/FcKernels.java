package org.jconvnet.backend.opencl.kernels;

import org.jconvnet.api.kernel.Kernel;
import org.jconvnet.api.kernel.KernelArgs;
import org.jconvnet.api.tensor.Tensor;
import org.jconvnet.backend.opencl.OpenClBackend;
import org.jconvnet.kernels.SumSplit;

/**
 * fc: all three ops are one strided matrix product ({@code fc_matmul} in fc.kc). Weights are
 * Din x Dout Fortran-ordered: W[i,j] at {@code j*Din + i}.
 */
final class FcKernels {
    private static final String SRC = "fc.kc";
    private static final String FN = "fc_matmul";
    private static final String SUM = "fc_sum_parts";

    private FcKernels() {
    }

    /** fc/forward: output (Dout x N) = W^T input. */
    static Kernel forward(OpenClBackend b) {
        b.launch(SRC, FN);
        b.launch(SRC, SUM);
        Scratch partials = new Scratch(b);
        return args -> {
            Dims d = new Dims(args);
            product(b, partials, Shapes.tensor(args, "fc", "weights", d.w()), Shapes.tensor(args, "fc", "input", d.in()),
                    Shapes.tensor(args, "fc", "output", d.out()), d.acc, d.dout, d.n, d.din, d.din, 1, d.n, 1, d.n, 1);
        };
    }

    /** fc/backward-input: inputGrad (Din x N) = W outputGrad. */
    static Kernel backwardInput(OpenClBackend b) {
        b.launch(SRC, FN);
        b.launch(SRC, SUM);
        Scratch partials = new Scratch(b);
        return args -> {
            Dims d = new Dims(args);
            product(b, partials, Shapes.tensor(args, "fc", "weights", d.w()), Shapes.tensor(args, "fc", "outputGrad", d.out()),
                    Shapes.tensor(args, "fc", "inputGrad", d.in()), d.acc, d.din, d.n, d.dout, 1, d.din, d.n, 1, d.n, 1);
        };
    }

    /** fc/backward-weights: dW (Din x Dout, Fortran) = input outputGrad^T. */
    static Kernel backwardWeights(OpenClBackend b) {
        b.launch(SRC, FN);
        b.launch(SRC, SUM);
        Scratch partials = new Scratch(b);
        return args -> {
            Dims d = new Dims(args);
            product(b, partials, Shapes.tensor(args, "fc", "input", d.in()), Shapes.tensor(args, "fc", "outputGrad", d.out()),
                    Shapes.tensor(args, "fc", "weightsGrad", d.w()), d.acc, d.din, d.dout, d.n, d.n, 1, 1, d.n, 1, d.din);
        };
    }

    /**
     * C (+)= A B with {@code fc_matmul}; when the backend splits long sums ({@link OpenClBackend#splitItems()})
     * and this product has too few work-items, its sum is cut into parts ({@link SumSplit}) whose
     * products {@code fc_sum_parts} adds in order.
     */
    private static void product(OpenClBackend b, Scratch partials, Tensor a, Tensor bm, Tensor out, int accumulate,
                                int rows, int cols, int inner, int aRow, int aK, int bK, int bCol, int cRow, int cCol) {
        long blocks = (long) ((rows + 3) / 4) * ((cols + 3) / 4);
        SumSplit split = SumSplit.of(blocks, inner, b.splitItems());
        if (split.parts() == 1) {
            b.launch(SRC, FN).mem(a).mem(bm).mem(out)
                    .ints(rows, cols, inner, aRow, aK, bK, bCol, cRow, cCol, inner, 0, accumulate).run(blocks);
            return;
        }
        Tensor parts = partials.atLeast((long) split.parts() * rows * cols);
        b.launch(SRC, FN).mem(a).mem(bm).mem(parts)
                .ints(rows, cols, inner, aRow, aK, bK, bCol, cols, 1, split.perPart(), rows * cols, 0)
                .run(split.parts() * blocks);
        b.launch(SRC, SUM).mem(parts).mem(out).ints(rows, cols, split.parts(), cRow, cCol, accumulate)
                .run((long) rows * cols);
    }

    /** The fc integers of one launch. */
    private static final class Dims {
        final int n;
        final int din;
        final int dout;
        final int acc;

        Dims(KernelArgs a) {
            n = a.integer("numCases");
            din = a.integer("inputs");
            dout = a.integer("outputs");
            acc = a.integer("accumulate");
        }

        long in() {
            return (long) din * n;
        }

        long out() {
            return (long) dout * n;
        }

        long w() {
            return (long) din * dout;
        }
    }
}
