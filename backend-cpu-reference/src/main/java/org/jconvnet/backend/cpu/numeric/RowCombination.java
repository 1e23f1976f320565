package org.jconvnet.backend.cpu.numeric;

import java.util.function.IntUnaryOperator;
import org.jconvnet.api.tensor.Tensor;
import org.jconvnet.backend.cpu.CpuTensor;

/**
 * The one engine behind conv, local and fc: every output row is a linear combination of rows of a
 * {@link RowBlock}, {@code target[row] (+)= sum_k alpha_k * source[r_k]}, with the terms (which
 * weights times which source rows) supplied by the layer's geometry. Forward, gradient to the input
 * and gradient to the weights are all of this form, only with different operands (see the kernels).
 *
 * <p>Each output row is formed completely in an accumulator and only then stored or added, so
 * {@code accumulate=1} adds exactly the result that {@code accumulate=0} writes. Output rows are
 * split between threads; each row's sum runs in the order of its terms, so runs are bit-identical.
 */
public final class RowCombination {

    private RowCombination() {
    }

    /** Lists the terms of one output row. */
    @FunctionalInterface
    public interface Terms {
        /**
         * Fills {@code alphas[k]} and {@code rows[k]} (source row indices) for output row {@code row}.
         *
         * @return the number of terms filled
         */
        int fill(int row, double[] alphas, int[] rows);
    }

    /**
     * Computes {@code outputRows} rows of {@code source.rowLength()} elements into {@code target}.
     *
     * @param source       the rows combined
     * @param target       the output tensor
     * @param outputRows   number of output rows
     * @param targetOffset flat offset in {@code target} of output row {@code r}
     * @param maxTerms     an upper bound on the terms of any row
     * @param terms        the geometry
     * @param accumulate   add to {@code target} instead of overwriting it
     */
    public static void run(RowBlock source, Tensor target, int outputRows, IntUnaryOperator targetOffset,
                           int maxTerms, Terms terms, boolean accumulate) {
        CpuTensor out = CpuTensor.of(target);
        long workPerRow = (long) maxTerms * source.rowLength();
        Parallel.forRange(outputRows, workPerRow, (from, to) -> {
            RowBlock.Accumulator acc = source.newAccumulator();
            double[] alphas = new double[maxTerms];
            int[] rows = new int[maxTerms];
            for (int r = from; r < to; r++) {
                acc.clear();
                acc.add(alphas, rows, terms.fill(r, alphas, rows));
                acc.storeTo(out, targetOffset.applyAsInt(r), accumulate);
            }
        });
    }
}
