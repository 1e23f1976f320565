package org.jconvnet.api.kernel;

import org.jconvnet.api.backend.Backend;

/** Creates a kernel for a started backend (compiling or loading device code if needed). */
@FunctionalInterface
public interface KernelFactory {

    /**
     * Builds the kernel for {@code backend}, which is of the provider's backend id.
     *
     * @param backend the started backend the kernel runs on
     * @return the kernel
     */
    Kernel create(Backend backend);
}
