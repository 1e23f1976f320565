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
        runBlocked(source, target, outputRows, targetOffset, 1, maxTerms,
                (row, block, alphas, rows) -> terms.fill(row, alphas, rows), accumulate);
    }

    /** Lists the terms of one output row that fall in one block of source rows. */
    @FunctionalInterface
    public interface BlockTerms {
        /**
         * Fills the terms of output row {@code row} whose source rows lie in block {@code block}.
         *
         * @return the number of terms filled
         */
        int fill(int row, int block, double[] alphas, int[] rows);
    }

    /**
     * Like {@link #run}, with the terms split into {@code blocks} consecutive blocks of source rows:
     * each thread sweeps one block for all its output rows before moving on, so that a source too
     * large for the cache is read from memory once per thread rather than once per output row. A
     * row's terms are still added in block order, then term order: the result equals the unblocked one.
     */
    public static void runBlocked(RowBlock source, Tensor target, int outputRows, IntUnaryOperator targetOffset,
                                  int blocks, int maxTermsPerBlock, BlockTerms terms, boolean accumulate) {
        CpuTensor out = CpuTensor.of(target);
        long workPerRow = (long) blocks * maxTermsPerBlock * source.rowLength();
        Parallel.forRange(outputRows, workPerRow, (from, to) -> {
            if (blocks == 1) {
                combineRows(source, out, from, to, targetOffset, maxTermsPerBlock, terms, accumulate);
                return;
            }
            double[] alphas = new double[maxTermsPerBlock];
            int[] rows = new int[maxTermsPerBlock];
            RowBlock.Accumulator[] accs = new RowBlock.Accumulator[to - from];
            for (int r = from; r < to; r++) {
                accs[r - from] = source.newAccumulator();
            }
            for (int b = 0; b < blocks; b++) {
                for (int r = from; r < to; r++) {
                    accs[r - from].add(alphas, rows, terms.fill(r, b, alphas, rows));
                }
            }
            for (int r = from; r < to; r++) {
                accs[r - from].storeTo(out, targetOffset.applyAsInt(r), accumulate);
            }
        });
    }

    /** The unblocked case: one accumulator, one row after the other. */
    private static void combineRows(RowBlock source, CpuTensor out, int from, int to, IntUnaryOperator targetOffset,
                                    int maxTerms, BlockTerms terms, boolean accumulate) {
        RowBlock.Accumulator acc = source.newAccumulator();
        double[] alphas = new double[maxTerms];
        int[] rows = new int[maxTerms];
        for (int r = from; r < to; r++) {
            acc.clear();
            acc.add(alphas, rows, terms.fill(r, 0, alphas, rows));
            acc.storeTo(out, targetOffset.applyAsInt(r), accumulate);
        }
    }
}
