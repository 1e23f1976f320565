package org.jconvnet.layers.archfixture;

import org.jconvnet.backend.cpu.CpuBackendProvider;

/** Test fixture: a layer class that uses a backend. */
public final class LayerUsingABackend {
    /** The forbidden dependency. */
    public static Object offence() {
        return new CpuBackendProvider();
    }
}
