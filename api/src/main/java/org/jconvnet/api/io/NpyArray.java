package org.jconvnet.api.io;

import java.util.Arrays;
import org.jconvnet.api.tensor.DType;

/**
 * An array read from or written to a {@code .npy} file. {@link #data()} is the flat buffer exactly
 * as stored: for a Fortran-ordered file it is column-major, which is cuda-convnet's own memory
 * order for fc weights, so it can be uploaded into a tensor unchanged.
 *
 * @param shape        numpy shape
 * @param fortranOrder numpy's {@code fortran_order} flag
 * @param dtype        element type on disk
 * @param data         elements in file order, widened to double
 */
public record NpyArray(int[] shape, boolean fortranOrder, DType dtype, double[] data) {

    /**
     * Validates that the data length matches the shape.
     *
     * @param shape numpy shape
     * @param fortranOrder numpy's {@code fortran_order} flag
     * @param dtype element type on disk
     * @param data elements in file order, widened to double
     */
    public NpyArray {
        shape = shape.clone();
        long n = 1;
        for (int s : shape) {
            n *= s;
        }
        if (n != data.length) {
            throw new IllegalArgumentException("npy shape " + Arrays.toString(shape) + " holds " + n
                    + " elements, data has " + data.length);
        }
    }

    /**
     * A C-ordered 2-D array.
     *
     * @param rows number of rows
     * @param cols number of columns
     * @param dtype element type on disk
     * @param data {@code rows*cols} elements, row-major
     * @return the array
     */
    public static NpyArray matrix(int rows, int cols, DType dtype, double[] data) {
        return new NpyArray(new int[] {rows, cols}, false, dtype, data);
    }

    /** {@return number of rows of a 2-D array (or the length of a 1-D one)} */
    public int rows() {
        return shape.length == 0 ? 1 : shape[0];
    }

    /** {@return number of columns of a 2-D array (1 for a 1-D one)} */
    public int cols() {
        return shape.length < 2 ? 1 : shape[1];
    }

    /**
     * numpy's shape text, e.g. {@code (75, 64)}.
     *
     * @return numpy's shape text, e.g. {@code (75, 64)}
     */
    public String shapeText() {
        StringBuilder sb = new StringBuilder("(");
        for (int i = 0; i < shape.length; i++) {
            sb.append(shape[i]).append(i == 0 && shape.length == 1 ? "," : i < shape.length - 1 ? ", " : "");
        }
        return sb.append(')').toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NpyArray && Arrays.equals(shape, ((NpyArray) o).shape)
                && fortranOrder == ((NpyArray) o).fortranOrder && dtype == ((NpyArray) o).dtype
                && Arrays.equals(data, ((NpyArray) o).data);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(shape) * 31 + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return "NpyArray" + shapeText() + (fortranOrder ? " F " : " C ") + dtype;
    }
}
