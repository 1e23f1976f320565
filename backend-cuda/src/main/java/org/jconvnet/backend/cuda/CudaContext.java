package org.jconvnet.backend.cuda;

import static jcuda.driver.JCudaDriver.cuCtxSetCurrent;
import static jcuda.driver.JCudaDriver.cuCtxSynchronize;
import static jcuda.driver.JCudaDriver.cuDeviceGet;
import static jcuda.driver.JCudaDriver.cuDeviceGetCount;
import static jcuda.driver.JCudaDriver.cuDevicePrimaryCtxRelease;
import static jcuda.driver.JCudaDriver.cuDevicePrimaryCtxRetain;
import static jcuda.driver.JCudaDriver.cuMemGetInfo;

import jcuda.driver.CUcontext;
import jcuda.driver.CUdevice;

/**
 * The device's primary context, retained for the life of the backend. The driver API binds a
 * context to a thread, so every operation calls {@link #makeCurrent()} first: a backend created
 * on one thread then works from any other (the primary context is the one the CUDA runtime and
 * other libraries in the process would share, which avoids a second context on the device).
 */
final class CudaContext implements AutoCloseable {
    private final CUdevice device;
    private final CUcontext context;
    private final CudaDevice info;
    private boolean closed;

    private CudaContext(CUdevice device, CUcontext context, CudaDevice info) {
        this.device = device;
        this.context = context;
        this.info = info;
    }

    /** Retains the primary context of device {@code ordinal} and makes it current. */
    static CudaContext open(int ordinal) {
        CudaProbe.initDriver();
        int[] count = new int[1];
        cuDeviceGetCount(count);
        CudaDevice info = CudaProbe.query(ordinal, count[0]);
        CUdevice dev = new CUdevice();
        cuDeviceGet(dev, ordinal);
        CUcontext ctx = new CUcontext();
        cuDevicePrimaryCtxRetain(ctx, dev);
        cuCtxSetCurrent(ctx);
        return new CudaContext(dev, ctx, info);
    }

    /** The device this context runs on. */
    CudaDevice device() {
        return info;
    }

    /** Binds the context to the calling thread (cheap; the driver keeps one current context per thread). */
    void makeCurrent() {
        if (closed) {
            throw new IllegalStateException("the cuda backend on " + info.name() + " was closed");
        }
        cuCtxSetCurrent(context);
    }

    /** Free and total device memory in bytes, or {@code {-1, -1}} when the driver cannot say. */
    long[] memoryInfo() {
        long[] free = new long[1];
        long[] total = new long[1];
        try {
            makeCurrent();
            cuMemGetInfo(free, total);
            return new long[] {free[0], total[0]};
        } catch (RuntimeException e) {
            return new long[] {-1, -1};
        }
    }

    /** Waits for every launch and copy issued on this context. */
    void synchronize() {
        makeCurrent();
        cuCtxSynchronize();
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            cuDevicePrimaryCtxRelease(device);
        }
    }
}
