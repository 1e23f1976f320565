package org.jconvnet.api.kernel;

/**
 * One compiled operation of one backend. {@link #launch} may return before the work is done on an
 * asynchronous device; {@link org.jconvnet.api.backend.Backend#synchronize()} waits for it.
 */
@FunctionalInterface
public interface Kernel {

    /**
     * Runs the operation on the tensors and scalars named by its contract.
     *
     * @throws IllegalArgumentException when an argument the contract needs is missing or misshapen
     */
    void launch(KernelArgs args);
}
