package org.jconvnet.backend.opencl.kernels;

import java.util.Map;
import org.jconvnet.api.ApiVersion;
import org.jconvnet.api.kernel.KernelFactory;
import org.jconvnet.api.kernel.KernelKey;
import org.jconvnet.api.kernel.KernelProvider;
import org.jconvnet.backend.opencl.OpenClBackend;
import org.jconvnet.backend.opencl.OpenClBackendProvider;
import org.jconvnet.kernels.plan.KernelPlans;
import org.jconvnet.kernels.plan.PlannedKernel;

/**
 * The OpenCL kernels of every key in {@code docs/kernel-contracts.md}, float32 only: the shared
 * launch plans of the {@code kernels} module ({@link KernelPlans}), run by a {@link PlannedKernel} on the
 * {@link OpenClBackend}.
 * Declaring the keys touches no native code; a program is compiled (and cached per source) when a
 * kernel first launches one of its entry points.
 */
public final class OpenClKernelProvider implements KernelProvider {
    private static final Map<KernelKey, KernelFactory> KERNELS = KernelPlans.factories(
            (backend, key, plan) -> new PlannedKernel(OpenClBackend.of(backend), key, plan));

    @Override
    public int apiVersion() {
        return ApiVersion.CURRENT;
    }

    @Override
    public String backendId() {
        return OpenClBackendProvider.ID;
    }

    @Override
    public Map<KernelKey, KernelFactory> kernels() {
        return KERNELS;
    }
}
