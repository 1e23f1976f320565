package org.jconvnet.backend.cuda.kernels;

import java.util.Map;
import org.jconvnet.api.ApiVersion;
import org.jconvnet.api.kernel.KernelFactory;
import org.jconvnet.api.kernel.KernelKey;
import org.jconvnet.api.kernel.KernelProvider;
import org.jconvnet.backend.cuda.CudaBackend;
import org.jconvnet.backend.cuda.CudaBackendProvider;
import org.jconvnet.kernels.plan.KernelPlans;
import org.jconvnet.kernels.plan.PlannedKernel;

/**
 * The CUDA kernels of every key in {@code docs/kernel-contracts.md}, float32 only. Declaring the
 * keys touches no native code; a kernel loads its module when it first launches.
 */
public final class CudaKernelProvider implements KernelProvider {
    private static final Map<KernelKey, KernelFactory> KERNELS = KernelPlans.factories(
            (backend, key, plan) -> new PlannedKernel(CudaBackend.of(backend), key, plan));

    @Override
    public int apiVersion() {
        return ApiVersion.CURRENT;
    }

    @Override
    public String backendId() {
        return CudaBackendProvider.ID;
    }

    @Override
    public Map<KernelKey, KernelFactory> kernels() {
        return KERNELS;
    }
}
