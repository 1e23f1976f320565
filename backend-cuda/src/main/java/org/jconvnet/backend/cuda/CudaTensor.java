package org.jconvnet.backend.cuda;

import static jcuda.driver.JCudaDriver.cuMemAlloc;
import static jcuda.driver.JCudaDriver.cuMemFree;
import static jcuda.driver.JCudaDriver.cuMemcpyDtoH;
import static jcuda.driver.JCudaDriver.cuMemcpyHtoD;
import static jcuda.driver.JCudaDriver.cuMemsetD32;

import jcuda.Pointer;
import jcuda.driver.CUdeviceptr;
import org.jconvnet.api.tensor.AbstractTensor;
import org.jconvnet.api.tensor.DType;
import org.jconvnet.api.tensor.HostArrays;
import org.jconvnet.api.tensor.Tensor;

/**
 * A tensor in device memory ({@code cuMemAlloc}). Copies are synchronous with respect to the
 * default stream the kernels run on, so an upload is visible to the next launch and a download
 * sees every earlier launch without an explicit synchronise.
 */
public final class CudaTensor extends AbstractTensor {
    private final CudaContext context;
    private final long bytes;
    private CUdeviceptr ptr;

    /** Allocates and zero-fills; failure names shape, bytes and free/total device memory. */
    CudaTensor(CudaContext context, int rows, int cols, DType dtype) {
        super(CudaBackendProvider.ID, rows, cols, dtype);
        this.context = context;
        this.bytes = DeviceMemory.bytesFor(rows, cols, dtype);
        if (size() > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("tensor " + rows + "x" + cols
                    + " exceeds 2^31 elements, the most a Java array can upload or download");
        }
        context.makeCurrent();
        CUdeviceptr p = new CUdeviceptr();
        if (bytes > 0) {
            try {
                cuMemAlloc(p, bytes);
            } catch (RuntimeException e) {
                long[] mem = context.memoryInfo();
                throw DeviceMemory.allocationFailure(rows, cols, dtype, bytes, context.device().name(),
                        mem[0], mem[1], e);
            }
        }
        this.ptr = p;
        zero();
    }

    /** Casts a tensor handed to a CUDA kernel, failing clearly when it belongs to another backend or is closed. */
    public static CudaTensor of(Tensor t) {
        if (t instanceof CudaTensor) {
            CudaTensor c = (CudaTensor) t;
            c.checkOpen();
            return c;
        }
        throw HostArrays.foreignTensor(t, "cuda");
    }

    /** The device pointer, for kernel arguments. */
    CUdeviceptr pointer() {
        checkOpen();
        return ptr;
    }

    private void checkOpen() {
        if (ptr == null) {
            throw new IllegalStateException("cuda tensor " + describe() + " was closed");
        }
    }

    @Override
    public void upload(double[] values) {
        checkLength(values.length);
        copyIn(dtype() == DType.FLOAT64 ? Pointer.to(values) : Pointer.to(HostArrays.narrow(values)));
    }

    @Override
    public void upload(float[] values) {
        checkLength(values.length);
        copyIn(dtype() == DType.FLOAT32 ? Pointer.to(values) : Pointer.to(HostArrays.widen(values)));
    }

    @Override
    public double[] download() {
        if (dtype() == DType.FLOAT64) {
            double[] d = new double[(int) size()];
            copyOut(Pointer.to(d));
            return d;
        }
        return HostArrays.widen(downloadFloats());
    }

    @Override
    public float[] downloadFloats() {
        if (dtype() == DType.FLOAT32) {
            float[] f = new float[(int) size()];
            copyOut(Pointer.to(f));
            return f;
        }
        return HostArrays.narrow(download());
    }

    @Override
    public void zero() {
        checkOpen();
        if (bytes > 0) {
            context.makeCurrent();
            cuMemsetD32(ptr, 0, bytes / 4);
        }
    }

    @Override
    public void close() {
        if (ptr != null) {
            CUdeviceptr p = ptr;
            ptr = null;
            if (bytes > 0) {
                context.makeCurrent();
                cuMemFree(p);
            }
        }
    }

    private void checkLength(int length) {
        checkOpen();
        HostArrays.checkUploadLength(this, length);
    }

    private void copyIn(Pointer host) {
        if (bytes > 0) {
            context.makeCurrent();
            cuMemcpyHtoD(ptr, host, bytes);
        }
    }

    private void copyOut(Pointer host) {
        checkOpen();
        if (bytes > 0) {
            context.makeCurrent();
            cuMemcpyDtoH(host, ptr, bytes);
        }
    }
}
