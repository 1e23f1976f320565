package org.jconvnet.api.kernel;

import java.util.Set;
import org.jconvnet.api.JConvNetException;

/** No kernel for a key on the running backend; the message says which backends do have it. */
public class MissingKernelException extends JConvNetException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the error for {@code key} on {@code backendId}, listing the backends that have it.
     *
     * @param key the key asked for
     * @param backendId the backend that lacks it
     * @param backendsWithIt the backends that have it (may be empty)
     */
    public MissingKernelException(KernelKey key, String backendId, Set<String> backendsWithIt) {
        super("no kernel for layer '" + key.layerType() + "' op '" + key.op() + "' (" + key.dtype().label()
                + ") on backend '" + backendId + "'; "
                + (backendsWithIt.isEmpty() ? "no backend has it"
                        : "backends that have it: " + String.join(", ", backendsWithIt))
                + " (jconvnet never falls back to another backend silently)");
    }
}
