package org.jconvnet.conformance.mutant;

import org.jconvnet.api.ApiVersion;
import org.jconvnet.api.backend.Availability;
import org.jconvnet.api.backend.Backend;
import org.jconvnet.api.backend.BackendConfig;
import org.jconvnet.api.backend.BackendProvider;

/** Base of the mutant backend providers: always available, lowest priority, never chosen automatically by tests. */
abstract class MutantProvider implements BackendProvider {
    private final String id;

    /** A provider for the mutant backend called {@code id}. */
    MutantProvider(String id) {
        this.id = id;
    }

    @Override
    public final String id() {
        return id;
    }

    @Override
    public int apiVersion() {
        return ApiVersion.CURRENT;
    }

    @Override
    public int priority() {
        return 1;
    }

    @Override
    public Availability probe() {
        return Availability.available("CPU reference with one corruption (" + id() + ")");
    }

    @Override
    public Backend create(BackendConfig config) {
        return new MutantBackend(id(), config.kernelLoader(this));
    }
}
