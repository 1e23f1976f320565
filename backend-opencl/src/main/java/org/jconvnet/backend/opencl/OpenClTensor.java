package org.jconvnet.backend.opencl;

import static org.jocl.CL.*;

import org.jconvnet.api.JConvNetException;
import org.jconvnet.api.tensor.AbstractTensor;
import org.jconvnet.api.tensor.DType;
import org.jconvnet.api.tensor.HostArrays;
import org.jconvnet.api.tensor.Tensor;
import org.jocl.CLException;
import org.jocl.Pointer;
import org.jocl.Sizeof;
import org.jocl.cl_mem;

/**
 * A float32 {@code rows x cols} matrix in an OpenCL buffer. Transfers are blocking; kernels of the
 * owning backend read and write {@link #mem()} directly through the same in-order queue, so an
 * upload is always seen by the next launch and a download sees every earlier launch.
 */
public final class OpenClTensor extends AbstractTensor {
    private final OpenClRuntime runtime;
    private cl_mem mem;

    /** Allocates a zero-filled tensor; failures name the shape, the byte count and the device. */
    OpenClTensor(OpenClRuntime runtime, int rows, int cols) {
        super(OpenClBackendProvider.ID, rows, cols, DType.FLOAT32);
        this.runtime = runtime;
        long bytes = checkedBytes(rows, cols, runtime.device());
        runtime.checkOpen();
        try {
            mem = clCreateBuffer(runtime.context(), CL_MEM_READ_WRITE, bytes, null, null);
            fill(bytes);
        } catch (CLException e) {
            throw allocationError(bytes, e);
        }
    }

    /**
     * The bytes a {@code rows x cols} float32 buffer takes on {@code d}, or an error naming the
     * shape, the bytes and the device when the kernels' 32-bit indexing or the device's largest
     * single allocation rules it out. Pure, so it is tested against any device limit.
     */
    static long checkedBytes(int rows, int cols, OpenClDevice d) {
        long elements = (long) rows * cols;
        long bytes = Math.max(1L, elements) * Sizeof.cl_float; // zero-size buffers are invalid in OpenCL
        String shape = "cannot allocate a " + rows + "x" + cols + " float32 tensor (" + bytes + " bytes) on OpenCL device "
                + d.name().trim() + ": ";
        if (elements > Integer.MAX_VALUE) {
            throw new JConvNetException(shape + "kernels index with 32-bit ints, so a tensor holds at most "
                    + Integer.MAX_VALUE + " elements");
        }
        if (bytes > d.maxAllocBytes()) {
            throw new JConvNetException(shape + "larger than its CL_DEVICE_MAX_MEM_ALLOC_SIZE of " + d.maxAllocBytes() + " bytes");
        }
        return bytes;
    }

    private JConvNetException allocationError(long bytes, CLException e) {
        OpenClDevice d = runtime.device();
        String why = e.getStatus() == CL_MEM_OBJECT_ALLOCATION_FAILURE || e.getStatus() == CL_OUT_OF_RESOURCES
                || e.getStatus() == CL_OUT_OF_HOST_MEMORY
                ? " (device memory exhausted: global memory " + d.globalMemBytes() + " bytes; free tensors or use smaller batches)"
                : "";
        return new JConvNetException("cannot allocate a " + describe() + " tensor (" + bytes + " bytes) on OpenCL device "
                + d.name().trim() + ": " + e.getMessage() + why, e);
    }

    private void fill(long bytes) {
        clEnqueueFillBuffer(runtime.queue(), mem, Pointer.to(new float[] {0f}), Sizeof.cl_float, 0, bytes, 0, null, null);
    }

    /** The tensor behind {@code t}, failing clearly when it belongs to another backend or was closed. */
    public static OpenClTensor of(Tensor t) {
        if (t instanceof OpenClTensor) {
            return ((OpenClTensor) t).checkOpen();
        }
        throw HostArrays.foreignTensor(t, "the OpenCL backend");
    }

    private OpenClTensor checkOpen() {
        if (mem == null) {
            throw new IllegalStateException("tensor " + describe() + " was closed");
        }
        runtime.checkOpen();
        return this;
    }

    /** The device buffer, for kernel arguments. */
    public cl_mem mem() {
        return checkOpen().mem;
    }

    @Override
    public void upload(double[] values) {
        upload(HostArrays.narrow(values));
    }

    @Override
    public void upload(float[] values) {
        checkOpen();
        HostArrays.checkUploadLength(this, values.length);
        if (values.length == 0) {
            return;
        }
        synchronized (runtime) {
            try {
                clEnqueueWriteBuffer(runtime.queue(), mem, CL_TRUE, 0, (long) values.length * Sizeof.cl_float,
                        Pointer.to(values), 0, null, null);
            } catch (CLException e) {
                throw transferError("upload to", e);
            }
        }
    }

    @Override
    public double[] download() {
        return HostArrays.widen(downloadFloats());
    }

    @Override
    public float[] downloadFloats() {
        checkOpen();
        float[] out = new float[(int) size()];
        if (out.length == 0) {
            return out;
        }
        synchronized (runtime) {
            try {
                clEnqueueReadBuffer(runtime.queue(), mem, CL_TRUE, 0, (long) out.length * Sizeof.cl_float,
                        Pointer.to(out), 0, null, null);
            } catch (CLException e) {
                throw transferError("download from", e);
            }
        }
        return out;
    }

    private JConvNetException transferError(String what, CLException e) {
        return new JConvNetException("OpenCL " + what + " a " + describe() + " tensor on " + runtime.device().name().trim()
                + " failed: " + e.getMessage() + " (an earlier asynchronous launch may have failed)", e);
    }

    @Override
    public void zero() {
        checkOpen();
        synchronized (runtime) {
            try {
                fill(Math.max(1L, size()) * Sizeof.cl_float);
            } catch (CLException e) {
                throw transferError("zero-fill of", e);
            }
        }
    }

    @Override
    public void close() {
        if (mem != null && !runtime.isClosed()) {
            clReleaseMemObject(mem);
        }
        mem = null;
    }
}
