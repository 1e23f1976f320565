package org.jconvnet.backend.cuda;

import org.jconvnet.api.ApiVersion;
import org.jconvnet.api.JConvNetException;
import org.jconvnet.api.backend.Availability;
import org.jconvnet.api.backend.Backend;
import org.jconvnet.api.backend.BackendConfig;
import org.jconvnet.api.backend.BackendProvider;

/**
 * Provides the CUDA backend (id {@code cuda}, priority 300). This class refers to no JCuda type,
 * so {@link java.util.ServiceLoader} can instantiate it anywhere; the natives load on the first
 * {@link #probe()} (once per process, cached, every throwable turned into a reason such as
 * {@value ProbeFailure#NO_LIBCUDA}).
 *
 * <p>Settings: {@code cuda.device} (device ordinal, default 0), read from the
 * {@link BackendConfig} or the system property {@code jconvnet.cuda.device}.
 */
public final class CudaBackendProvider implements BackendProvider {
    /** The backend id. */
    public static final String ID = "cuda";
    /** The setting naming the device ordinal. */
    public static final String DEVICE_SETTING = "cuda.device";

    /** Shared by every instance: ServiceLoader makes a new provider per lookup, the natives load once. */
    private static final ProbeCache SHARED = new ProbeCache(CudaProbe::probe);

    private final ProbeCache cache;

    /** The provider used by {@link java.util.ServiceLoader}. */
    public CudaBackendProvider() {
        this(SHARED);
    }

    /** A provider with its own probe (tests). */
    CudaBackendProvider(ProbeCache cache) {
        this.cache = cache;
    }

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
        return 300;
    }

    @Override
    public Availability probe() {
        try {
            return cache.get(deviceOrdinal(BackendConfig.defaults()));
        } catch (JConvNetException e) {
            return Availability.unavailable(e.getMessage());
        } catch (Throwable t) { // NOPMD: a probe never throws, even for a malformed setting
            return Availability.unavailable("CUDA probe failed: " + ProbeFailure.describe(t));
        }
    }

    @Override
    public Backend create(BackendConfig config) {
        int ordinal = deviceOrdinal(config);
        Availability a = cache.get(ordinal);
        if (!a.available()) {
            throw new JConvNetException("backend 'cuda' is unavailable: " + a.detail());
        }
        try {
            return CudaBackend.open(ordinal, config.kernelLoader(this), config);
        } catch (JConvNetException e) {
            throw e;
        } catch (RuntimeException | LinkageError e) {
            throw new JConvNetException("backend 'cuda' could not start on device " + ordinal + ": "
                    + ProbeFailure.describe(e), e);
        }
    }

    /** The device ordinal from {@code cuda.device}; a malformed value is an error naming the setting. */
    static int deviceOrdinal(BackendConfig config) {
        String v = config.get(DEVICE_SETTING).orElse("0").trim();
        try {
            int n = Integer.parseInt(v);
            if (n < 0) {
                throw new NumberFormatException("negative");
            }
            return n;
        } catch (NumberFormatException e) {
            throw new JConvNetException("setting " + DEVICE_SETTING + "='" + v
                    + "' is not a device ordinal (0, 1, ...)");
        }
    }
}
