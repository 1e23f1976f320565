package org.jconvnet.examples.cmpool.gpu;

import java.util.Map;
import org.jconvnet.api.ApiVersion;
import org.jconvnet.api.kernel.KernelFactory;
import org.jconvnet.api.kernel.KernelKey;
import org.jconvnet.api.kernel.KernelProvider;

/**
 * {@code cmpool} on the CUDA backend: PTX built from {@code cmpool.kc} by
 * {@code scripts/generate-ptx.sh} and committed, because the CUDA backend loads PTX and cannot
 * compile source at run time.
 */
public final class CmPoolCudaKernels implements KernelProvider {
    /** Class-path resource holding the PTX. */
    static final String PTX = "/org/jconvnet/examples/cmpool/cmpool.ptx";

    @Override
    public int apiVersion() {
        return ApiVersion.CURRENT;
    }

    @Override
    public String backendId() {
        return "cuda";
    }

    @Override
    public Map<KernelKey, KernelFactory> kernels() {
        return DeviceKernels.float32("cuda-ptx", PTX);
    }
}
