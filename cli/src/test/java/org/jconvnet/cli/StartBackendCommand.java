package org.jconvnet.cli;

import jakarta.inject.Inject;
import jakarta.inject.Provider;
import java.util.concurrent.Callable;
import org.jconvnet.api.backend.Backend;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** A test-only command that starts the run's backend the way computing commands do. */
@Command(name = "start-backend")
public final class StartBackendCommand implements Callable<Integer> {
    private final Provider<Backend> backend;

    @Spec
    private CommandSpec spec;

    /** Injects the lazily created backend. */
    @Inject
    public StartBackendCommand(Provider<Backend> backend) {
        this.backend = backend;
    }

    @Override
    public Integer call() {
        spec.commandLine().getOut().println("started " + backend.get().id());
        return ExitCodes.OK;
    }
}
