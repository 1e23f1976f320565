package org.jconvnet.backend.cuda.kernels;

import org.jconvnet.api.tensor.DType;
import org.jconvnet.api.tensor.Tensor;

/** A shape-only tensor for planning tests: plans read shapes, never contents. */
final class FakeTensor implements Tensor {
    private final int rows;
    private final int cols;
    private final DType dtype;

    FakeTensor(int rows, int cols, DType dtype) {
        this.rows = rows;
        this.cols = cols;
        this.dtype = dtype;
    }

    static FakeTensor f32(long rows, long cols) {
        return new FakeTensor((int) rows, (int) cols, DType.FLOAT32);
    }

    @Override
    public int rows() {
        return rows;
    }

    @Override
    public int cols() {
        return cols;
    }

    @Override
    public DType dtype() {
        return dtype;
    }

    @Override
    public String backendId() {
        return "fake";
    }

    @Override
    public void upload(double[] values) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void upload(float[] values) {
        throw new UnsupportedOperationException();
    }

    @Override
    public double[] download() {
        throw new UnsupportedOperationException();
    }

    @Override
    public float[] downloadFloats() {
        throw new UnsupportedOperationException();
    }

    @Override
    public void zero() {
    }

    @Override
    public void close() {
    }
}
