package org.jconvnet.backend.cpu;

import java.util.Arrays;
import org.jconvnet.api.tensor.AbstractTensor;
import org.jconvnet.api.tensor.DType;
import org.jconvnet.api.tensor.HostArrays;
import org.jconvnet.api.tensor.Tensor;

/**
 * A tensor in a Java array: {@code float[]} for float32, {@code double[]} for float64. CPU kernels
 * reach the array through {@link #floats()} or {@link #doubles()}.
 */
public final class CpuTensor extends AbstractTensor {
    private float[] f;
    private double[] d;
    private boolean closed;

    /** Allocates a zero-filled tensor. */
    public CpuTensor(int rows, int cols, DType dtype) {
        super(CpuBackendProvider.ID, rows, cols, dtype);
        long n = (long) rows * cols;
        if (n > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("tensor " + rows + "x" + cols + " exceeds the CPU backend's 2^31 element limit");
        }
        if (dtype == DType.FLOAT32) {
            f = new float[(int) n];
        } else {
            d = new double[(int) n];
        }
    }

    /** Casts a tensor handed to a CPU kernel, failing clearly when it belongs to another backend. */
    public static CpuTensor of(Tensor t) {
        if (t instanceof CpuTensor) {
            return ((CpuTensor) t).checkOpen();
        }
        throw HostArrays.foreignTensor(t, "the CPU reference");
    }

    private CpuTensor checkOpen() {
        if (closed) {
            throw new IllegalStateException("tensor " + describe() + " was closed");
        }
        return this;
    }

    /** The float32 storage. */
    public float[] floats() {
        if (f == null) {
            throw new IllegalStateException("tensor is " + dtype() + ", not float32");
        }
        return f;
    }

    /** The float64 storage. */
    public double[] doubles() {
        if (d == null) {
            throw new IllegalStateException("tensor is " + dtype() + ", not float64");
        }
        return d;
    }

    @Override
    public void upload(double[] values) {
        checkLength(values.length);
        if (f != null) {
            System.arraycopy(HostArrays.narrow(values), 0, f, 0, values.length);
        } else {
            System.arraycopy(values, 0, d, 0, values.length);
        }
    }

    @Override
    public void upload(float[] values) {
        checkLength(values.length);
        if (f != null) {
            System.arraycopy(values, 0, f, 0, values.length);
        } else {
            System.arraycopy(HostArrays.widen(values), 0, d, 0, values.length);
        }
    }

    private void checkLength(int length) {
        checkOpen();
        HostArrays.checkUploadLength(this, length);
    }

    @Override
    public double[] download() {
        checkOpen();
        return d != null ? d.clone() : HostArrays.widen(f);
    }

    @Override
    public float[] downloadFloats() {
        checkOpen();
        return f != null ? f.clone() : HostArrays.narrow(d);
    }

    @Override
    public void zero() {
        checkOpen();
        if (f != null) {
            Arrays.fill(f, 0f);
        } else {
            Arrays.fill(d, 0.0);
        }
    }

    @Override
    public void close() {
        closed = true;
        f = null;
        d = null;
    }
}
