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
        return t.dtype() == DType.FLOAT32
                ? FloatRowBlock.rowsOf(t.floats(), rows, rowLength)
                : DoubleRowBlock.rowsOf(t.doubles(), rows, rowLength);
    }

    /**
     * A grouped transpose of a flat tensor viewed as {@code [groups][rowLength][inner]}: row
     * {@code g*inner + q} holds {@code flat[(g*rowLength + k)*inner + q]} for {@code k < rowLength}.
     * With {@code inner = M*M*N} this turns a conv output gradient (filters x modules x cases) into
     * one row of a group's filters per (module, case), the operand of the weight gradient.
     */
    public static RowBlock transposedOf(Tensor flat, int groups, int rowLength, int inner) {
        CpuTensor t = CpuTensor.of(flat);
        return t.dtype() == DType.FLOAT32
                ? FloatRowBlock.transposedOf(t.floats(), groups, rowLength, inner)
                : DoubleRowBlock.transposedOf(t.doubles(), groups, rowLength, inner);
    }

    /** Length of every row. */
    public final int rowLength() {
        return rowLength;
    }

    /** A fresh, zeroed accumulator row of {@link #rowLength()} elements over this block's rows. */
    public abstract Accumulator newAccumulator();

    /** The row being formed by one output row of a {@link RowCombination}; not shared between threads. */
    public interface Accumulator {
        /** Sets every element to zero. */
        void clear();

        /** Adds {@code sum_k alphas[k] * row(rows[k])} for {@code k < count}, in order of k. */
        void add(double[] alphas, int[] rows, int count);

        /** Writes the row into {@code target} at {@code offset}: overwriting, or adding when {@code accumulate}. */
        void storeTo(CpuTensor target, int offset, boolean accumulate);
    }

    /** Rows a transpose fills per sweep, so that the rows being written stay in cache. */
    static final int TRANSPOSE_TILE = 32;
}
