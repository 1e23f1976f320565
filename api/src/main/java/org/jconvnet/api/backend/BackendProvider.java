package org.jconvnet.api.backend;

/**
 * A compute backend plug-in, found by {@link java.util.ServiceLoader}.
 *
 * <p>Contract: loading the provider class must not touch native code. {@link #probe()} loads the
 * natives once (caching the outcome) and never throws: it catches {@link UnsatisfiedLinkError}
 * and every other {@link Throwable} and reports them as {@link Availability#unavailable}.
 */
public interface BackendProvider {

    /** {@return the plugin API version this provider was compiled against: return {@code ApiVersion.CURRENT}} */
    int apiVersion();

    /** {@return stable id used on the command line ({@code cpu}, {@code opencl}, {@code cuda})} */
    String id();

    /**
     * Higher wins in automatic selection: cuda (300) &gt; opencl (200) &gt; cpu-blas (150) &gt; cpu (100).
     *
     * @return the priority in automatic selection: higher wins
     */
    int priority();

    /**
     * The priority automatic selection ranks this provider by once it has been probed, so that a
     * provider can rank itself by the device it found: OpenCL on a CPU device (PoCL) ranks below
     * cpu-blas, which is faster there. The default is {@link #priority()}.
     *
     * @param probed what {@link #probe()} returned
     * @return the priority in automatic selection given that device: higher wins
     */
    default int priority(Availability probed) {
        return priority();
    }

    /**
     * Checks whether this backend can run here. Never throws; cached after the first call.
     *
     * @return whether the backend can run here: the device when it can, else the reason
     */
    Availability probe();

    /**
     * Starts the backend. Only called after {@link #probe()} said available.
     *
     * @param config explicit settings and the plugin class loader the backend discovers its kernels on
     * @return the started backend; close it to release its device memory
     * @throws org.jconvnet.api.JConvNetException if the device cannot be opened
     */
    Backend create(BackendConfig config);
}
