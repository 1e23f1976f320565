package org.jconvnet.backend.blas;

import java.util.Arrays;
import org.jconvnet.api.tensor.AbstractTensor;
import org.jconvnet.api.tensor.DType;
import org.jconvnet.api.tensor.HostArrays;
import org.jconvnet.api.tensor.Tensor;

/**
 * A float32 tensor of the fast CPU backend in a Java {@code float[]}: the loop kernels run on it
 * directly (HotSpot vectorises them), and the products copy the parts they need to native memory,
 * where OpenBLAS reads them.
 */
public final class BlasTensor extends AbstractTensor {
    private float[] values;

    /** Allocates a zero-filled float32 tensor. */
    BlasTensor(int rows, int cols) {
        super(BlasBackendProvider.ID, rows, cols, DType.FLOAT32);
        long n = (long) rows * cols;
        if (n > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("tensor " + rows + "x" + cols + " exceeds the "
                    + BlasBackendProvider.ID + " backend's 2^31 element limit");
        }
        this.values = new float[(int) n];
    }

    /** Casts a tensor handed to a kernel of this backend, failing clearly when it belongs to another one or was closed. */
    public static BlasTensor of(Tensor t) {
        if (t instanceof BlasTensor b) {
            if (b.values == null) {
                throw new IllegalStateException("tensor " + b.describe() + " was closed");
            }
            return b;
        }
        throw HostArrays.foreignTensor(t, "the " + BlasBackendProvider.ID + " backend");
    }

    /** The storage, row-major, read and written by the kernels. */
    public float[] floats() {
        return of(this).values;
    }

    @Override
    public void upload(double[] v) {
        HostArrays.checkUploadLength(this, v.length);
        float[] dst = floats();
        for (int i = 0; i < v.length; i++) {
            dst[i] = (float) v[i];
        }
    }

    @Override
    public void upload(float[] v) {
        HostArrays.checkUploadLength(this, v.length);
        System.arraycopy(v, 0, floats(), 0, v.length);
    }

    @Override
    public double[] download() {
        return HostArrays.widen(floats());
    }

    @Override
    public float[] downloadFloats() {
        return floats().clone();
    }

    @Override
    public void zero() {
        Arrays.fill(floats(), 0f);
    }

    @Override
    public void close() {
        values = null;
    }
}
