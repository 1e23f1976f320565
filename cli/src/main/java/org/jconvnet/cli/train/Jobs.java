package org.jconvnet.cli.train;

import jakarta.inject.Inject;
import jakarta.inject.Provider;
import java.io.PrintWriter;
import java.nio.file.Path;
import org.jconvnet.api.backend.Backend;
import org.jconvnet.api.layer.LayerPluginRegistry;
import org.jconvnet.cli.Plugins;
import org.jconvnet.train.TrainingEnvironment;
import org.jconvnet.train.TrainingJob;
import org.jconvnet.train.facade.JConvNet;

/**
 * Makes {@link TrainingJob}s and {@link JConvNet} loaders that run on the backend of the CLI run,
 * with its plugin class loader and layer plugins.
 */
public final class Jobs {
    private final Provider<Backend> backend;
    private final Provider<LayerPluginRegistry> layers;
    private final Provider<Plugins> plugins;

    /** Creates the factory; no backend is started until a job asks. */
    @Inject
    public Jobs(Provider<Backend> backend, Provider<LayerPluginRegistry> layers, Provider<Plugins> plugins) {
        this.backend = backend;
        this.layers = layers;
        this.plugins = plugins;
    }

    /**
     * The library's loader for the checkpoint {@code dir}, bound to this run: its plugin class
     * loader, its backend (started, after the loader's checks, by the run's {@link
     * org.jconvnet.cli.BackendSession}, which also closes it), warnings to {@code err} as
     * {@code train} prints them. {@code test}, {@code features} and {@code predict} run through it.
     */
    JConvNet.Loader load(Path dir, PrintWriter err) {
        return JConvNet.load(dir).classLoader(plugins.get().classLoader()).runOn(backend::get)
                .warnings(w -> err.println("warning: " + w));
    }

    /**
     * A job printing to the command's streams, in this process's environment: a progress bar only
     * when stderr is a terminal, and a graceful stop on SIGINT/SIGTERM while training.
     */
    TrainingJob job(PrintWriter out, PrintWriter err) {
        return new TrainingJob(id -> backend.get(), layers.get(), Streams.of(out), Streams.of(err),
                TrainingEnvironment.ofProcess());
    }
}
