package org.jconvnet.train.bench;

import java.util.Iterator;
import java.util.OptionalDouble;
import java.util.ServiceLoader;
import org.jconvnet.api.backend.Backend;
import org.jconvnet.api.backend.ComputePeak;

/**
 * The sgemm peaks of one bench run: the host's, measured once at the start of the run through a
 * {@link HostSgemmProbe}, and each backend's, through its {@link ComputePeak} capability.
 */
public final class Peaks {
    /** Where a peak came from when nothing measured it. */
    public static final String UNKNOWN = "unknown";

    private final double hostGflops;
    private final String hostSource;

    private Peaks(double hostGflops, String hostSource) {
        this.hostGflops = hostGflops;
        this.hostSource = hostSource;
    }

    /** A peak and what measured it; the rate is NaN when unknown. */
    public record Peak(double gflops, String source) {
    }

    /**
     * Measures the host's peak with the first {@link HostSgemmProbe} on {@code loader}; unknown when
     * there is none or it cannot load its BLAS (the reason goes into the source text).
     */
    public static Peaks measure(ClassLoader loader) {
        try {
            Iterator<HostSgemmProbe> probes = ServiceLoader.load(HostSgemmProbe.class, loader).iterator();
            if (!probes.hasNext()) {
                return new Peaks(Double.NaN, UNKNOWN + " (no host sgemm probe installed)");
            }
            HostSgemmProbe probe = probes.next();
            double gflops = probe.measureGflops();
            return new Peaks(gflops, probe.describe());
        } catch (RuntimeException | LinkageError | java.util.ServiceConfigurationError e) {
            // The BLAS natives are optional (left out of the GPU bundle): say why and go on.
            return new Peaks(Double.NaN, UNKNOWN + " (host sgemm probe failed: " + e + ")");
        }
    }

    /** Peaks with a known host rate, for tests. */
    public static Peaks ofHost(double gflops, String source) {
        return new Peaks(gflops, source);
    }

    /** The host's sgemm peak. */
    public Peak host() {
        return new Peak(hostGflops, hostSource);
    }

    /**
     * The peak {@code backend} is compared with: the host's when it computes on the host, its
     * device's when it measures one, otherwise unknown.
     */
    public Peak of(Backend backend) {
        ComputePeak cp = backend.capability(ComputePeak.class).orElse(null);
        if (cp == null) {
            return new Peak(Double.NaN, UNKNOWN + " (backend '" + backend.id() + "' offers no peak)");
        }
        if (cp.onHost()) {
            return host();
        }
        OptionalDouble device = cp.measureDeviceSgemmGflops();
        return device.isPresent() ? new Peak(device.getAsDouble(), backend.id() + " device sgemm probe")
                : new Peak(Double.NaN, UNKNOWN + " (no sgemm probe for " + backend.deviceName() + ")");
    }
}
