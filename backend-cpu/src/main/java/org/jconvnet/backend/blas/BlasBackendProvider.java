package org.jconvnet.backend.blas;

import org.jconvnet.api.ApiVersion;
import org.jconvnet.api.backend.Availability;
import org.jconvnet.api.backend.Backend;
import org.jconvnet.api.backend.BackendConfig;
import org.jconvnet.api.backend.BackendProvider;
import org.jconvnet.backend.blas.core.NativeLibrary;
import org.jconvnet.backend.blas.core.OneDnn;
import org.jconvnet.backend.blas.core.OpenBlas;

/**
 * Provides the fast CPU backend {@code cpu-blas}: conv, local and fc as OpenBLAS sgemm, the other
 * kernels as vectorisable loops, float32 only. It needs nothing beyond Maven Central (the natives
 * come in the {@code org.bytedeco:openblas} linux-x86_64 jar), and is available wherever those
 * natives load.
 * <p>Priority 150: chosen automatically above the CPU reference (100), which stays the oracle;
 * below OpenCL (200) and CUDA (300), which a user gets only by installing a device runtime on
 * purpose.
 */
public final class BlasBackendProvider implements BackendProvider {
    /** The backend id. */
    public static final String ID = "cpu-blas";
    /** Setting (or {@code -Djconvnet.cpu-blas.threads}) for the number of worker threads; default: one per core. */
    public static final String THREADS_KEY = "cpu-blas.threads";
    /**
     * Setting (or {@code -Djconvnet.cpu-blas.conv}) for conv's engine: {@code auto} (the default:
     * oneDNN where it loads, else OpenBLAS im2col), {@code onednn} (oneDNN or an error saying why
     * not) or {@code blas} (OpenBLAS im2col always, the path every geometry oneDNN refuses takes).
     */
    public static final String CONV_KEY = "cpu-blas.conv";

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
        return 150;
    }

    @Override
    public Availability probe() {
        NativeLibrary s = OpenBlas.load();
        return s.loaded() ? Availability.available(describe(Runtime.getRuntime().availableProcessors(), s,
                OneDnn.load().loaded()))
                : Availability.unavailable(s.description());
    }

    @Override
    public Backend create(BackendConfig config) {
        NativeLibrary s = OpenBlas.load();
        if (!s.loaded()) {
            throw new IllegalStateException(s.description(), s.failure());
        }
        int threads = config.get(THREADS_KEY).map(v -> parseThreads(v)).orElse(Runtime.getRuntime().availableProcessors());
        boolean oneDnn = useOneDnn(config.get(CONV_KEY).orElse("auto"));
        return new BlasBackend(config.kernelLoader(this), threads, oneDnn, describe(threads, s, oneDnn));
    }

    /** Whether conv runs through oneDNN, for the {@link #CONV_KEY} setting {@code v}. */
    private static boolean useOneDnn(String v) {
        NativeLibrary d = OneDnn.load();
        switch (v.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "auto":
                return d.loaded();
            case "blas":
                return false;
            case "onednn":
                if (!d.loaded()) {
                    throw new IllegalStateException(CONV_KEY + "=onednn, but " + d.description(), d.failure());
                }
                return true;
            default:
                throw new IllegalArgumentException(CONV_KEY + " must be auto, onednn or blas, got '" + v + "'");
        }
    }

    private static int parseThreads(String v) {
        try {
            int t = Integer.parseInt(v.trim());
            if (t >= 1) {
                return t;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(THREADS_KEY + " must be a positive integer, got '" + v + "'");
    }

    private static String describe(int threads, NativeLibrary s, boolean oneDnn) {
        NativeLibrary dnnl = OneDnn.load();
        String conv = oneDnn ? "conv by " + dnnl.description() + spinWarning(System.getenv("OMP_WAIT_POLICY"))
                : "conv by sgemm" + (dnnl.loaded() ? "" : " (" + dnnl.description() + ")");
        return conv + ", " + s.description() + " sgemm + Java " + Runtime.version().feature() + " loops on " + threads
                + " thread(s), float32 only";
    }

    /**
     * A warning for the description when oneDNN's OpenMP threads will spin between primitives
     * ({@code OMP_WAIT_POLICY} not passive, as when an application embeds the backend without
     * setting it): they then take the cores from the backend's workers (layers-18pct trained no
     * faster than on the im2col path). libgomp reads the variable once, so only the environment the
     * JVM started with can fix it; the launcher sets it.
     */
    static String spinWarning(String waitPolicy) {
        return waitPolicy != null && waitPolicy.trim().equalsIgnoreCase("passive") ? ""
                : " (OMP_WAIT_POLICY is not PASSIVE: OpenMP threads spin against the workers; set it before the JVM starts)";
    }
}
