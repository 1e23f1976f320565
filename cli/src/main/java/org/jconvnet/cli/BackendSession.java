package org.jconvnet.cli;

import jakarta.inject.Inject;
import jakarta.inject.Provider;
import jakarta.inject.Singleton;
import org.jconvnet.api.backend.Backend;
import org.jconvnet.api.backend.BackendConfig;
import org.jconvnet.api.backend.BackendRegistry;
import org.jconvnet.api.backend.BackendSelector;
import org.jconvnet.train.facade.BackendStarter;
import org.jconvnet.train.facade.UnknownBackendException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Owns the one {@link Backend} of a run: chooses and starts it on first use (so that commands
 * which never compute, like {@code backends}, never start one) and closes it when the run ends.
 */
@Singleton
public final class BackendSession implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(BackendSession.class);

    private final GlobalOptions options;
    private final Provider<BackendRegistry> registry;
    private final Provider<BackendSelector> selector;
    private final Provider<BackendConfig> config;
    private Backend backend;
    private boolean everStarted;

    /** Creates the session; nothing is probed or started yet. */
    @Inject
    public BackendSession(GlobalOptions options, Provider<BackendRegistry> registry,
                          Provider<BackendSelector> selector, Provider<BackendConfig> config) {
        this.options = options;
        this.registry = registry;
        this.selector = selector;
        this.config = config;
    }

    /**
     * The backend, started on the first call: the {@code --backend} choice (never falling back),
     * else the selector's automatic choice. Logs one line naming the choice.
     *
     * @throws UsageException when {@code --backend} names no discovered backend
     * @throws org.jconvnet.api.JConvNetException when the chosen backend cannot start
     */
    public synchronized Backend get() {
        if (backend == null) {
            BackendStarter.Started started;
            try {
                // The library's rules (JConvNet uses the same), so code and command line choose alike.
                started = BackendStarter.start(options.backend().orElse(null), selector.get(), registry.get(), config.get());
            } catch (UnknownBackendException e) {
                throw new UsageException(e.getMessage() + " (see 'jconvnet backends')");
            }
            LOG.info(started.how());
            backend = started.backend();
            everStarted = true;
        }
        return backend;
    }

    /** Whether a backend has been started in this run. */
    public synchronized boolean isStarted() {
        return backend != null;
    }

    /** Whether a backend was started at any time in this run, even if it is closed by now. */
    public synchronized boolean everStarted() {
        return everStarted;
    }

    /** Closes the backend if one was started. */
    @Override
    public synchronized void close() {
        if (backend != null) {
            try {
                backend.close();
            } finally {
                backend = null;
            }
        }
    }
}
