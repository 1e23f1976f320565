package org.jconvnet.api.tensor;

/**
 * A dense {@code rows x cols} matrix owned by one backend (host memory for the CPU reference,
 * device memory for GPU backends). Contents are only reachable through {@link #upload} and
 * {@link #download}; kernels of the owning backend read and write it directly.
 *
 * <p>A tensor is always a flat buffer of {@code rows*cols} elements. Activations use it row-major
 * with the case index fastest; how a parameter matrix is indexed is given by its
 * {@link MatrixOrder}. Tensors are not thread-safe.
 */
public interface Tensor extends AutoCloseable {

    /** {@return number of logical rows} */
    int rows();

    /** {@return number of logical columns (for activations: the number of cases)} */
    int cols();

    /** {@return element type} */
    DType dtype();

    /** {@return total number of elements, {@code rows*cols}} */
    default long size() {
        return (long) rows() * cols();
    }

    /** {@return id of the backend that owns this tensor} */
    String backendId();

    /**
     * Copies {@code size()} values from the host into this tensor, converting to its dtype.
     *
     * @param values {@code size()} values, row-major
     * @throws IllegalArgumentException if the array length differs from {@link #size()}
     */
    void upload(double[] values);

    /**
     * Float variant of {@link #upload(double[])}.
     *
     * @param values {@code size()} values, row-major
     */
    void upload(float[] values);

    /**
     * Copies the whole tensor to a new host array, widening float32 to double exactly.
     *
     * @return a new array of {@code size()} values, row-major
     */
    double[] download();

    /**
     * Copies the whole tensor to a new float array (narrowing float64 by rounding).
     *
     * @return a new array of {@code size()} values, row-major
     */
    float[] downloadFloats();

    /** Sets every element to zero. */
    void zero();

    /** Releases the memory; using the tensor afterwards is an error. Idempotent. */
    @Override
    void close();

    /** {@return {@code rows x cols dtype}, for messages} */
    default String describe() {
        return rows() + "x" + cols() + " " + dtype().label();
    }
}
