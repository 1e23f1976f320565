package org.jconvnet.backend.cpu;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.jconvnet.api.backend.Backend;
import org.jconvnet.api.backend.ComputePeak;
import org.jconvnet.api.kernel.KernelRegistry;
import org.jconvnet.api.tensor.DType;
import org.jconvnet.api.tensor.Tensor;

/** The running CPU reference backend. Kernels run synchronously on the calling thread and a shared pool. */
public final class CpuBackend implements Backend {
    private final KernelRegistry kernels;

    /** Starts the backend, discovering kernels on {@code loader}. */
    public CpuBackend(ClassLoader loader) {
        this.kernels = KernelRegistry.discover(this, loader);
    }

    @Override
    public String id() {
        return CpuBackendProvider.ID;
    }

    @Override
    public String deviceName() {
        return CpuBackendProvider.describeHost();
    }

    @Override
    public Set<DType> supportedDTypes() {
        return EnumSet.allOf(DType.class);
    }

    @Override
    public Tensor allocate(int rows, int cols, DType dtype) {
        return new CpuTensor(rows, cols, dtype);
    }

    @Override
    public KernelRegistry kernels() {
        return kernels;
    }

    /** Offers {@link ComputePeak}: it computes on the host, so the host's sgemm rate is its peak. */
    @Override
    public <T> Optional<T> capability(Class<T> type) {
        return type == ComputePeak.class ? Optional.of(type.cast(ComputePeak.host())) : Optional.empty();
    }

    @Override
    public void synchronize() {
        // Kernels complete before launch() returns.
    }

    @Override
    public void close() {
        // Nothing native to release.
    }
}
