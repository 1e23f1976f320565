package org.jconvnet.backend.cpu.kernels;

import org.jconvnet.api.kernel.contract.Fc;
import org.jconvnet.api.tensor.Tensor;
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

    /** Checks the sizes of a call's tensors (input or its gradient, output or its gradient, weights or theirs). */
    private static void requireSizes(KernelContext c, Fc.Shape s, int n, String inName, Tensor in, String outName,
                                     Tensor out, String wName, Tensor w) {
        c.requireSize(inName, in, s.inputs(), n).requireSize(outName, out, s.outputs(), n)
                .requireSize(wName, w, s.inputs(), s.outputs());
    }

    static void forward(Fc.Forward call, KernelContext c) {
        requireSizes(c, call.shape(), call.numCases(), "input", call.input(), "output", call.output(), "weights",
                call.weights());
        int n = call.numCases();
        int din = call.shape().inputs();
        Elements w = Elements.of(call.weights());
        RowCombination.run(RowBlock.rowsOf(call.input(), n), call.output(),
                call.shape().outputs(), j -> j * n, din, (j, alphas, rows) -> {
                    int k = 0;
                    for (int i = 0; i < din; i++) {
                        double wv = w.get(j * din + i);
                        if (wv != 0) {
                            alphas[k] = wv;
                            rows[k++] = i;
                        }
                    }
                    return k;
                }, call.accumulate());
    }

    static void backwardInput(Fc.BackwardInput call, KernelContext c) {
        requireSizes(c, call.shape(), call.numCases(), "inputGrad", call.inputGrad(), "outputGrad", call.outputGrad(),
                "weights", call.weights());
        int n = call.numCases();
        int din = call.shape().inputs();
        int dout = call.shape().outputs();
        Elements w = Elements.of(call.weights());
        RowCombination.run(RowBlock.rowsOf(call.outputGrad(), n), call.inputGrad(),
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
                }, call.accumulate());
    }

    static void backwardWeights(Fc.BackwardWeights call, KernelContext c) {
        requireSizes(c, call.shape(), call.numCases(), "input", call.input(), "outputGrad", call.outputGrad(),
                "weightsGrad", call.weightsGrad());
        int n = call.numCases();
        int din = call.shape().inputs();
        Elements grad = Elements.of(call.outputGrad());
        // Row n of the transposed input is case n's input vector, contiguous like a weight column.
        RowBlock inputByCase = RowBlock.transposedOf(call.input(), 1, din, n);
        RowCombination.run(inputByCase, call.weightsGrad(), call.shape().outputs(), j -> j * din, n,
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
                }, call.accumulate());
    }
}
