package org.jconvnet.cli.train;

import jakarta.inject.Inject;
import jakarta.inject.Provider;
import java.io.PrintWriter;
import org.jconvnet.api.backend.Backend;
import org.jconvnet.api.layer.LayerPluginRegistry;
import org.jconvnet.train.TrainingEnvironment;
import org.jconvnet.train.TrainingJob;

/** Makes {@link TrainingJob}s that run on the backend of the CLI run, with its layer plugins. */
public final class Jobs {
    private final Provider<Backend> backend;
    private final Provider<LayerPluginRegistry> layers;

    /** Creates the factory; no backend is started until a job asks. */
    @Inject
    public Jobs(Provider<Backend> backend, Provider<LayerPluginRegistry> layers) {
        this.backend = backend;
        this.layers = layers;
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
