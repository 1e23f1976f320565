package org.jconvnet.api.kernel;

/**
 * One compiled operation of one backend. {@link #launch} may return before the work is done on an
 * asynchronous device; {@link org.jconvnet.api.backend.Backend#synchronize()} waits for it.
 */
@FunctionalInterface
public interface Kernel {

    /**
     * Runs the operation on the tensors and scalars of {@code call}, a record of this kernel's
     * contract ({@link KernelCall#as} checks that).
     *
     * @param call the call's tensors and scalars
     * @throws IllegalArgumentException when the call is of another contract, or a tensor is misshapen
     *                                  or of another dtype or backend
     */
    void launch(KernelCall call);
}
