package org.jconvnet.examples.cmpool.gpu;

import java.util.Map;
import org.jconvnet.api.ApiVersion;
import org.jconvnet.api.kernel.KernelFactory;
import org.jconvnet.api.kernel.KernelKey;
import org.jconvnet.api.kernel.KernelProvider;

/** {@code cmpool} on the OpenCL backend: the portable source, compiled by the backend at first use. */
public final class CmPoolOpenClKernels implements KernelProvider {
    /** Class-path resource holding the kernel source. */
    static final String SOURCE = "/org/jconvnet/examples/cmpool/cmpool.kc";

    @Override
    public int apiVersion() {
        return ApiVersion.CURRENT;
    }

    @Override
    public String backendId() {
        return "opencl";
    }

    @Override
    public Map<KernelKey, KernelFactory> kernels() {
        return DeviceKernels.float32("opencl-source", SOURCE);
    }
}
