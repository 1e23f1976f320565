package org.jconvnet.backend.blas;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.jconvnet.api.backend.Backend;
import org.jconvnet.api.backend.ComputePeak;
import org.jconvnet.api.kernel.KernelRegistry;
import org.jconvnet.api.tensor.DType;
import org.jconvnet.api.tensor.Tensor;
import org.jconvnet.backend.blas.core.Compute;

/**
 * The running fast CPU backend: float32 tensors in Java arrays, and one {@link Compute} (worker
 * threads, reusable scratch, the kernels' bodies) that every kernel of this backend runs on.
 * Kernels complete before {@code launch} returns.
 */
public final class BlasBackend implements Backend {
    private final Compute compute;
    private final String device;
    private final KernelRegistry kernels;

    BlasBackend(ClassLoader kernelLoader, int threads, boolean oneDnnConv, String device) {
        this.compute = new Compute(threads, oneDnnConv);
        this.device = device;
        this.kernels = KernelRegistry.discover(this, kernelLoader);
    }

    /** The kernels' engine: worker threads and scratch of this backend. */
    public Compute compute() {
        return compute;
    }

    @Override
    public String id() {
        return BlasBackendProvider.ID;
    }

    @Override
    public String deviceName() {
        return device;
    }

    /** Offers {@link ComputePeak}: it computes on the host, so the host's sgemm rate is its peak. */
    @Override
    public <T> Optional<T> capability(Class<T> type) {
        return type == ComputePeak.class ? Optional.of(type.cast(ComputePeak.host())) : Optional.empty();
    }

    @Override
    public Set<DType> supportedDTypes() {
        return EnumSet.of(DType.FLOAT32);
    }

    @Override
    public Tensor allocate(int rows, int cols, DType dtype) {
        if (dtype != DType.FLOAT32) {
            throw new IllegalArgumentException("backend '" + BlasBackendProvider.ID + "' runs float32 only, asked for a "
                    + rows + "x" + cols + " " + dtype.label() + " tensor (the cpu reference runs float64)");
        }
        return new BlasTensor(rows, cols);
    }

    @Override
    public KernelRegistry kernels() {
        return kernels;
    }

    @Override
    public void synchronize() {
        // Kernels complete before launch() returns.
    }

    @Override
    public void close() {
        compute.close();
    }
}
