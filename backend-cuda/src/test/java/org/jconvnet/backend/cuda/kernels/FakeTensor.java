package org.jconvnet.backend.cuda.kernels;

import org.jconvnet.api.tensor.AbstractTensor;
import org.jconvnet.api.tensor.DType;

/** A shape-only tensor for planning tests: plans read shapes, never contents. */
final class FakeTensor extends AbstractTensor {
    FakeTensor(int rows, int cols, DType dtype) {
        super("fake", rows, cols, dtype);
    }

    static FakeTensor f32(long rows, long cols) {
        return new FakeTensor((int) rows, (int) cols, DType.FLOAT32);
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
