package org.jconvnet.api.backend;

/**
 * A compute backend plug-in, found by {@link java.util.ServiceLoader}.
 *
 * <p>Contract: loading the provider class must not touch native code. {@link #probe()} loads the
 * natives once (caching the outcome) and never throws: it catches {@link UnsatisfiedLinkError}
 * and every other {@link Throwable} and reports them as {@link Availability#unavailable}.
 */
public interface BackendProvider {

    /** The plugin API version this provider was compiled against: return {@code ApiVersion.CURRENT}. */
    int apiVersion();

    /** Stable id used on the command line ({@code cpu}, {@code opencl}, {@code cuda}). */
    String id();

    /** Higher wins in automatic selection: cuda (300) &gt; opencl (200) &gt; cpu (100). */
    int priority();

    /** Checks whether this backend can run here. Never throws; cached after the first call. */
    Availability probe();

    /**
     * Starts the backend. Only called after {@link #probe()} said available.
     *
     * @throws org.jconvnet.api.JConvNetException if the device cannot be opened
     */
    Backend create(BackendConfig config);
}
