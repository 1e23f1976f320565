package org.jconvnet.cli.train;

import jakarta.inject.Inject;
import jakarta.inject.Provider;
import java.io.PrintWriter;
import org.jconvnet.cli.BackendSession;
import org.jconvnet.train.TrainingJob;

/** Makes {@link TrainingJob}s that run on the backend of the CLI run. */
public final class Jobs {
    private final Provider<BackendSession> session;

    /** Creates the factory; no backend is started until a job asks. */
    @Inject
    public Jobs(Provider<BackendSession> session) {
        this.session = session;
    }

    /** A job printing to the command's streams. */
    TrainingJob job(PrintWriter out, PrintWriter err) {
        BackendSession s = session.get();
        return new TrainingJob(id -> s.get(), Streams.of(out), Streams.of(err));
    }
}
