package org.jconvnet.api.tensor;

/**
 * How a logical {@code rows x cols} parameter matrix is laid out in memory, matching numpy's
 * {@code fortran_order} flag in cuda-convnet checkpoints (cuda-convnet.md §2.4). Conv and local
 * weights are C-ordered; fc weights are Fortran-ordered so that element (i, j) sits at
 * {@code j*rows + i}. A tensor is always a flat buffer: the order only says how to index it.
 */
public enum MatrixOrder {
    /** Row-major: element (r, c) at {@code r*cols + c}. */
    C,
    /** Column-major: element (r, c) at {@code c*rows + r}. */
    FORTRAN;

    /**
     * The flat offset of logical element (r, c) of a {@code rows x cols} matrix.
     *
     * @param r logical row
     * @param c logical column
     * @param rows the matrix's rows
     * @param cols the matrix's columns
     * @return the flat offset in this order
     */
    public long offset(int r, int c, int rows, int cols) {
        return this == C ? (long) r * cols + c : (long) c * rows + r;
    }
}
