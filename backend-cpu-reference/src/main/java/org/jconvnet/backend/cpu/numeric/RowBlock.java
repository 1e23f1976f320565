package org.jconvnet.backend.cpu.numeric;

import org.jconvnet.api.tensor.DType;
import org.jconvnet.api.tensor.Tensor;
import org.jconvnet.backend.cpu.CpuTensor;

/**
 * A matrix copied into one Java array per row, the source operand of {@link RowCombination}.
 *
 * <p>Why a copy: HotSpot (17) vectorises {@code t[i] += a*r[i]} only when every array in the loop
 * is indexed by the same {@code i}; rows at different offsets of one flat array defeat it. A copy
 * costs one pass over the operand, while each row is then read many times (once per filter and
 * tap), so the copy pays for itself many times over.
 */
public abstract class RowBlock {
    private final int rowLength;

    RowBlock(int rowLength) {
        this.rowLength = rowLength;
    }

    /** The rows of a flat {@code rows x rowLength} tensor: row {@code r} is {@code flat[r*rowLength ...]}. */
    public static RowBlock rowsOf(Tensor flat, int rowLength) {
        CpuTensor t = CpuTensor.of(flat);
        int rows = (int) (t.size() / rowLength);
        RowBlock b = allocate(t, rows, rowLength);
        for (int r = 0; r < rows; r++) {
            b.copyRow(r, t, r * rowLength);
        }
        return b;
    }

    /**
     * A grouped transpose of a flat tensor viewed as {@code [groups][rowLength][inner]}: row
     * {@code g*inner + q} holds {@code flat[(g*rowLength + k)*inner + q]} for {@code k < rowLength}.
     * With {@code inner = M*M*N} this turns a conv output gradient (filters x modules x cases) into
     * one row of a group's filters per (module, case), the operand of the weight gradient.
     */
    public static RowBlock transposedOf(Tensor flat, int groups, int rowLength, int inner) {
        CpuTensor t = CpuTensor.of(flat);
        RowBlock b = allocate(t, groups * inner, rowLength);
        for (int g = 0; g < groups; g++) {
            // Consecutive rows read neighbouring elements, so each cache line fetched serves many rows.
            for (int q = 0; q < inner; q++) {
                b.gatherRow(g * inner + q, t, g * rowLength * inner + q, inner);
            }
        }
        return b;
    }

    private static RowBlock allocate(CpuTensor like, int rows, int rowLength) {
        return like.dtype() == DType.FLOAT32 ? new FloatRowBlock(rows, rowLength) : new DoubleRowBlock(rows, rowLength);
    }

    /** Sets row {@code row} to {@code src[start ... start + rowLength)}. */
    abstract void copyRow(int row, CpuTensor src, int start);

    /** Sets element k of row {@code row} to {@code src[start + k*stride]}. */
    abstract void gatherRow(int row, CpuTensor src, int start, int stride);

    /** Length of every row. */
    public final int rowLength() {
        return rowLength;
    }

    /** A fresh, zeroed accumulator row of {@link #rowLength()} elements over this block's rows. */
    public final Accumulator newAccumulator() {
        return new Accumulator(newRow());
    }

    // The dtype-specific primitives. Rows and accumulators are float[] or double[] behind Object so
    // that the loops over terms above are written once; only these inner loops exist per dtype.

    /** A zeroed array of {@link #rowLength()} elements of this block's dtype. */
    abstract Object newRow();

    /** Row {@code index} of the block. */
    abstract Object row(int index);

    /** Sets every element of {@code acc} to zero. */
    abstract void clear(Object acc);

    /** {@code acc[i] += a0*r0[i] + a1*r1[i] + a2*r2[i] + a3*r3[i]}, in this precision. */
    abstract void addFour(Object acc, double a0, Object r0, double a1, Object r1, double a2, Object r2, double a3,
                          Object r3);

    /** {@code acc[i] += a*r[i]}, in this precision. */
    abstract void addOne(Object acc, double a, Object r);

    /** Copies {@code acc} into {@code target} at {@code offset}, or adds it there when {@code accumulate}. */
    abstract void store(Object acc, CpuTensor target, int offset, boolean accumulate);

    /** The row being formed by one output row of a {@link RowCombination}; not shared between threads. */
    public final class Accumulator {
        private final Object t;

        private Accumulator(Object t) {
            this.t = t;
        }

        /** Sets every element to zero. */
        public void clear() {
            RowBlock.this.clear(t);
        }

        /** Adds {@code sum_k alphas[k] * row(rows[k])} for {@code k < count}, in order of k. */
        public void add(double[] alphas, int[] rows, int count) {
            int k = 0;
            // Four rows per sweep: one load and store of the accumulator per four multiply-adds.
            for (; k + 4 <= count; k += 4) {
                addFour(t, alphas[k], row(rows[k]), alphas[k + 1], row(rows[k + 1]), alphas[k + 2], row(rows[k + 2]),
                        alphas[k + 3], row(rows[k + 3]));
            }
            for (; k < count; k++) {
                addOne(t, alphas[k], row(rows[k]));
            }
        }

        /** Writes the row into {@code target} at {@code offset}: overwriting, or adding when {@code accumulate}. */
        public void storeTo(CpuTensor target, int offset, boolean accumulate) {
            store(t, target, offset, accumulate);
        }
    }
}
