package org.jconvnet.backend.opencl;

import org.jconvnet.api.backend.Availability;
import org.jconvnet.api.backend.BackendConfig;
import org.junit.jupiter.api.Assumptions;

/**
 * Probes OpenCL once per JVM and shares one backend between test classes (building programs on a
 * cold PoCL cache costs about a second each). Tests call {@link #assumeOpenCl()} from a
 * {@code @BeforeEach}, so an unavailable OpenCL reports the tests as skipped with the reason.
 */
public final class OpenClTestSupport {
    private static OpenClBackend backend;

    private OpenClTestSupport() {
    }

    /** Skips the calling test, with the probe's reason, when OpenCL is unavailable. */
    public static void assumeOpenCl() {
        Availability a = OpenClProbe.availability();
        Assumptions.assumeTrue(a.available(), () -> "OpenCL unavailable, skipping: " + a.detail());
    }

    /** The shared backend (created on first use; closed when the JVM exits). */
    public static synchronized OpenClBackend backend() {
        assumeOpenCl();
        if (backend == null) {
            backend = (OpenClBackend) new OpenClBackendProvider().create(BackendConfig.defaults());
        }
        return backend;
    }
}
