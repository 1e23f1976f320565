package org.jconvnet.cli;

import jakarta.inject.Inject;
import jakarta.inject.Provider;
import java.util.concurrent.Callable;
import org.jconvnet.api.backend.Backend;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** A test-only command: starts the run's backend and says whether it has {@link PluginOnlyKernels#KEY}. */
@Command(name = "probe-plugin-kernel")
public final class KernelProbeCommand implements Callable<Integer> {
    private final Provider<Backend> backend;

    @Spec
    private CommandSpec spec;

    /** Injects the lazily created backend. */
    @Inject
    public KernelProbeCommand(Provider<Backend> backend) {
        this.backend = backend;
    }

    @Override
    public Integer call() {
        spec.commandLine().getOut().println("plugin kernel: " + backend.get().kernels().has(PluginOnlyKernels.KEY));
        return ExitCodes.OK;
    }
}
