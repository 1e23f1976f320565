package org.jconvnet.train.facade;

import java.util.Objects;
import org.jconvnet.api.backend.Backend;
import org.jconvnet.api.backend.BackendConfig;
import org.jconvnet.api.backend.BackendRegistry;
import org.jconvnet.api.backend.BackendSelector;

/**
 * Chooses and starts a backend by the rules of the command line, shared by {@link JConvNet} and
 * the {@code jconvnet} command: an explicit id (the argument, else the system property
 * {@value BackendSelector#PROPERTY}, else the environment variable {@value BackendSelector#ENV})
 * must name a discovered backend and never falls back when that backend is unavailable; without
 * one, the available backend of highest priority is taken ({@link BackendSelector}).
 */
public final class BackendStarter {
    private BackendStarter() {
    }

    /**
     * A started backend and how it was chosen.
     *
     * @param backend the started backend; the caller owns it and closes it
     * @param how     one line saying which backend was chosen and why, for a log
     */
    public record Started(Backend backend, String how) {
        /**
         * Checks the components.
         *
         * @param backend the started backend
         * @param how     the line for the log
         */
        public Started {
            Objects.requireNonNull(backend, "backend");
            Objects.requireNonNull(how, "how");
        }
    }

    /**
     * Chooses and starts a backend.
     *
     * @param requested the explicit id, or {@code null} for the property, the environment or the automatic choice
     * @param selector  the selection over {@code registry}
     * @param registry  the discovered backend providers
     * @param config    what the started backend gets (settings, the plugin class loader)
     * @return the started backend with the line saying how it was chosen
     * @throws UnknownBackendException when the explicit id names no discovered backend (checked
     *         before any backend is probed or started)
     * @throws org.jconvnet.api.JConvNetException when the chosen backend is unavailable or fails to start
     */
    public static Started start(String requested, BackendSelector selector, BackendRegistry registry,
                                BackendConfig config) {
        selector.explicitChoice(requested).ifPresent(id -> {
            if (registry.find(id).isEmpty()) {
                throw new UnknownBackendException("unknown backend '" + id + "'; known backends: "
                        + String.join(", ", registry.ids()));
            }
        });
        BackendSelector.Choice choice = selector.choose(requested);
        return new Started(choice.provider().create(config), choice.how());
    }

    /**
     * {@link #start(String, BackendSelector, BackendRegistry, BackendConfig)} with a selector over
     * {@code registry} that reads the real environment.
     *
     * @param requested the explicit id, or {@code null}
     * @param registry  the discovered backend providers
     * @param config    what the started backend gets
     * @return the started backend with the line saying how it was chosen
     * @throws UnknownBackendException when the explicit id names no discovered backend
     * @throws org.jconvnet.api.JConvNetException when the chosen backend is unavailable or fails to start
     */
    public static Started start(String requested, BackendRegistry registry, BackendConfig config) {
        return start(requested, new BackendSelector(registry), registry, config);
    }
}
