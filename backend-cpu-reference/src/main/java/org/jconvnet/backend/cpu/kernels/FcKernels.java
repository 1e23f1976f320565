package org.jconvnet.backend.cpu.kernels;

import org.jconvnet.backend.cpu.numeric.Elements;
import org.jconvnet.backend.cpu.numeric.RowBlock;
import org.jconvnet.backend.cpu.numeric.RowCombination;

/**
 * fc (cuda-convnet.md §3.4), W[i, j] at {@code j*Din + i} (Fortran order), as row combinations:
 * output row j = sum_i W[i,j] input row i; inputGrad row i = sum_j W[i,j] outputGrad row j;
 * weight column j (contiguous, Din long) = sum_n outputGrad[j,n] * (input column n).
 * Zero coefficients are skipped, as in {@link ConvKernels}.
 */
final class FcKernels {

    private FcKernels() {
    }

    /** Checks the sizes of the tensors the launch passes against Din, Dout and N. */
    private static void requireSizes(KernelContext c) {
        int n = c.numCases();
        c.requireSizes(c.integer("inputs"), n, "input", "inputGrad");
        c.requireSizes(c.integer("outputs"), n, "output", "outputGrad");
        c.requireSizes(c.integer("inputs"), c.integer("outputs"), "weights", "weightsGrad");
    }

    static void forward(KernelContext c) {
        requireSizes(c);
        int n = c.numCases();
        int din = c.integer("inputs");
        Elements w = c.elements("weights");
        RowCombination.run(RowBlock.rowsOf(c.args().tensor("input"), n), c.args().tensor("output"),
                c.integer("outputs"), j -> j * n, din, (j, alphas, rows) -> {
                    int k = 0;
                    for (int i = 0; i < din; i++) {
                        double wv = w.get(j * din + i);
                        if (wv != 0) {
                            alphas[k] = wv;
                            rows[k++] = i;
                        }
                    }
                    return k;
                }, c.accumulate());
    }

    static void backwardInput(KernelContext c) {
        requireSizes(c);
        int n = c.numCases();
        int din = c.integer("inputs");
        int dout = c.integer("outputs");
        Elements w = c.elements("weights");
        RowCombination.run(RowBlock.rowsOf(c.args().tensor("outputGrad"), n), c.args().tensor("inputGrad"),
                din, i -> i * n, dout, (i, alphas, rows) -> {
                    int k = 0;
                    for (int j = 0; j < dout; j++) {
                        double wv = w.get(j * din + i);
                        if (wv != 0) {
                            alphas[k] = wv;
                            rows[k++] = j;
                        }
                    }
                    return k;
                }, c.accumulate());
    }

    static void backwardWeights(KernelContext c) {
        requireSizes(c);
        int n = c.numCases();
        int din = c.integer("inputs");
        Elements grad = c.elements("outputGrad");
        // Row n of the transposed input is case n's input vector, contiguous like a weight column.
        RowBlock inputByCase = RowBlock.transposedOf(c.args().tensor("input"), 1, din, n);
        RowCombination.run(inputByCase, c.args().tensor("weightsGrad"), c.integer("outputs"), j -> j * din, n,
                (j, alphas, rows) -> {
                    int k = 0;
                    for (int i = 0; i < n; i++) {
                        double g = grad.get(j * n + i);
                        if (g != 0) {
                            alphas[k] = g;
                            rows[k++] = i;
                        }
                    }
                    return k;
                }, c.accumulate());
    }
}
