package org.jconvnet.backend.cuda;

import org.jconvnet.api.JConvNetException;
import org.jconvnet.api.tensor.DType;

/** Size arithmetic and error text for device allocations; no JCuda, so it is unit-tested. */
final class DeviceMemory {

    private DeviceMemory() {
    }

    /** Bytes needed by a {@code rows x cols} tensor of {@code dtype}, refusing negative shapes. */
    static long bytesFor(int rows, int cols, DType dtype) {
        if (rows < 0 || cols < 0) {
            throw new IllegalArgumentException("negative tensor shape " + rows + "x" + cols);
        }
        return (long) rows * cols * dtype.bytes();
    }

    /**
     * The error for a failed {@code cuMemAlloc}: shape, bytes requested, device, free/total memory
     * and the driver's error name.
     */
    static JConvNetException allocationFailure(int rows, int cols, DType dtype, long bytes, String deviceName,
                                               long free, long total, Throwable cause) {
        String mem = free < 0 ? "free/total device memory unknown"
                : "device memory free " + CudaDevice.gib(free) + " of " + CudaDevice.gib(total);
        String why = cause == null || cause.getMessage() == null ? "allocation failed" : cause.getMessage().trim();
        return new JConvNetException("cuda: cannot allocate a " + rows + "x" + cols + " " + dtype.label() + " tensor ("
                + bytes + " bytes) on " + deviceName + ": " + why + "; " + mem, cause);
    }
}
