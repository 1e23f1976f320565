package org.jconvnet.api.kernel;

import java.util.Map;

/**
 * Supplies kernels for one backend, found by {@link java.util.ServiceLoader}. Backends ship the
 * kernels of the built-in layers this way; a layer plugin ships its own the same way (its CPU
 * reference kernel is mandatory, since the CPU reference is the oracle).
 *
 * <p>{@link #kernels()} must not touch native code: the registry reads the keys of every
 * provider, including those of unavailable backends, to say which backends have a kernel.
 */
public interface KernelProvider {

    /** {@return the plugin API version this provider was compiled against: return {@code ApiVersion.CURRENT}} */
    int apiVersion();

    /** {@return id of the backend these kernels run on} */
    String backendId();

    /**
     * The kernels, by key. Creating them is deferred to the factories.
     *
     * @return the kernels' factories, by key
     */
    Map<KernelKey, KernelFactory> kernels();
}
