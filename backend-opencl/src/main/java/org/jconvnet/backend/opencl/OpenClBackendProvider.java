package org.jconvnet.backend.opencl;

import org.jconvnet.api.ApiVersion;
import org.jconvnet.api.JConvNetException;
import org.jconvnet.api.backend.Availability;
import org.jconvnet.api.backend.Backend;
import org.jconvnet.api.backend.BackendConfig;
import org.jconvnet.api.backend.BackendProvider;
import org.jconvnet.kernels.plan.PlanOptions;

/**
 * Provides the OpenCL backend (id {@code opencl}, priority 200 on a GPU, {@value #CPU_DEVICE_PRIORITY}
 * on any other device). Loading this class touches no native code: JOCL is first used in
 * {@link #probe()}, which is cached for the JVM.
 */
public final class OpenClBackendProvider implements BackendProvider {
    /** The backend id. */
    public static final String ID = "opencl";
    /**
     * The priority on a device that is not a GPU (PoCL on the host's cores): below cpu-blas (150),
     * which trained every shipped net faster than PoCL on the same cores (docs/performance.md), and
     * above the plain-Java reference (100).
     */
    public static final int CPU_DEVICE_PRIORITY = 120;

    @Override
    public int apiVersion() {
        return ApiVersion.CURRENT;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public int priority() {
        return 200;
    }

    /** 200 on a GPU; {@value #CPU_DEVICE_PRIORITY} when the probe found a device of another type. */
    @Override
    public int priority(Availability probed) {
        return probed.available() && !OpenClProbe.onGpu() ? CPU_DEVICE_PRIORITY : priority();
    }

    @Override
    public Availability probe() {
        return OpenClProbe.availability();
    }

    @Override
    public Backend create(BackendConfig config) {
        Availability a = probe();
        if (!a.available()) {
            throw new JConvNetException("the OpenCL backend is unavailable: " + a.detail());
        }
        OpenClRuntime runtime = OpenClRuntime.open(config.get(OpenClDevices.DEVICE_KEY));
        PlanOptions options;
        try {
            options = PlanOptions.withSettings(OpenClBackend.defaultPlanOptions(runtime.device()), config::get,
                    OpenClBackend.CONV_KERNELS_KEY, OpenClBackend.SPLIT_KEY);
        } catch (IllegalArgumentException e) {
            runtime.close();
            throw new JConvNetException(e.getMessage(), e);
        }
        return new OpenClBackend(runtime, config.kernelLoader(this), options);
    }
}
