package org.jconvnet.backend.cpu;

import org.jconvnet.api.ApiVersion;
import org.jconvnet.api.backend.Availability;
import org.jconvnet.api.backend.Backend;
import org.jconvnet.api.backend.BackendConfig;
import org.jconvnet.api.backend.BackendProvider;

/** Provides the CPU reference backend: always available, lowest priority. */
public final class CpuBackendProvider implements BackendProvider {
    /** The backend id. */
    public static final String ID = "cpu";

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
        return 100;
    }

    @Override
    public Availability probe() {
        return Availability.available(describeHost());
    }

    @Override
    public Backend create(BackendConfig config) {
        return new CpuBackend(config.kernelLoader(this));
    }

    static String describeHost() {
        return "Java " + Runtime.version().feature() + " on " + Runtime.getRuntime().availableProcessors()
                + " CPU core(s), float32 and float64";
    }
}
