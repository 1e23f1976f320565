package org.jconvnet.conformance.mutant;

import java.util.Set;
import org.jconvnet.api.backend.Backend;
import org.jconvnet.api.kernel.KernelRegistry;
import org.jconvnet.api.tensor.DType;
import org.jconvnet.api.tensor.Tensor;
import org.jconvnet.backend.cpu.CpuBackend;

/** A backend under a mutant id whose tensors and kernels are the CPU reference's. */
final class MutantBackend implements Backend {
    private final String id;
    private final CpuBackend cpu;
    private final KernelRegistry kernels;

    MutantBackend(String id, ClassLoader loader) {
        this.id = id;
        this.cpu = new CpuBackend(loader);
        this.kernels = KernelRegistry.discover(this, loader);
    }

    /** The CPU backend the mutant's kernels are created on. */
    CpuBackend cpu() {
        return cpu;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public String deviceName() {
        return "CPU reference with one corruption (" + id + ")";
    }

    @Override
    public Set<DType> supportedDTypes() {
        return cpu.supportedDTypes();
    }

    @Override
    public Tensor allocate(int rows, int cols, DType dtype) {
        return cpu.allocate(rows, cols, dtype);
    }

    @Override
    public KernelRegistry kernels() {
        return kernels;
    }

    @Override
    public void synchronize() {
        cpu.synchronize();
    }

    @Override
    public void close() {
        cpu.close();
    }
}
