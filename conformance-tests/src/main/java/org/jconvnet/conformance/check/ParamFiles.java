package org.jconvnet.conformance.check;

import org.jconvnet.api.io.NpyArray;
import org.jconvnet.api.layer.ParamSpec;
import org.jconvnet.api.tensor.MatrixOrder;

/** Converts parameter arrays read from {@code .npy} files into a parameter's memory order. */
final class ParamFiles {
    private ParamFiles() {
    }

    /**
     * The flat buffer of {@code a} in the memory order of {@code spec}, transposing when the file's
     * order differs.
     *
     * @throws IllegalArgumentException naming the file, its shape and the expected shape on a mismatch
     */
    static double[] toMemoryOrder(String file, NpyArray a, ParamSpec spec) {
        if (a.data().length != spec.size()) {
            throw new IllegalArgumentException(file + " has shape " + a.shapeText() + " (" + a.data().length
                    + " values) but parameter " + spec.name() + " is " + spec.rows() + "x" + spec.cols());
        }
        boolean wantFortran = spec.order() == MatrixOrder.FORTRAN;
        if (a.shape().length < 2 || a.fortranOrder() == wantFortran || spec.rows() == 1 || spec.cols() == 1) {
            return a.data().clone();
        }
        int rows = spec.rows();
        int cols = spec.cols();
        double[] out = new double[a.data().length];
        MatrixOrder from = a.fortranOrder() ? MatrixOrder.FORTRAN : MatrixOrder.C;
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                out[(int) spec.order().offset(r, c, rows, cols)] = a.data()[(int) from.offset(r, c, rows, cols)];
            }
        }
        return out;
    }
}
