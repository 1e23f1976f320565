package org.jconvnet.backend.opencl;

import org.jconvnet.api.ApiVersion;
import org.jconvnet.api.JConvNetException;
import org.jconvnet.api.backend.Availability;
import org.jconvnet.api.backend.Backend;
import org.jconvnet.api.backend.BackendConfig;
import org.jconvnet.api.backend.BackendProvider;
import org.jconvnet.kernels.plan.PlanOptions;

/**
 * Provides the OpenCL backend (id {@code opencl}, priority 200). Loading this class touches no
 * native code: JOCL is first used in {@link #probe()}, which is cached for the JVM.
 */
public final class OpenClBackendProvider implements BackendProvider {
    /** The backend id. */
    public static final String ID = "opencl";

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
