package org.jconvnet.cli;

import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.jconvnet.cli.conformance.ConformanceCommand;
import org.jconvnet.cli.train.BenchCommand;
import org.jconvnet.cli.train.DataCommand;
import org.jconvnet.cli.train.ExportWeightsCommand;
import org.jconvnet.cli.train.FeaturesCommand;
import org.jconvnet.cli.train.PredictCommand;
import org.jconvnet.cli.train.ShowCommand;
import org.jconvnet.cli.train.TestCommand;
import org.jconvnet.cli.train.TrainCommand;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * The top-level {@code jconvnet} command. It holds the global options (inherited by every
 * subcommand, so {@code jconvnet --backend cpu train} and {@code jconvnet train --backend cpu}
 * are the same) and lists the subcommands: picocli creates each through the Guice-backed factory
 * that {@link Cli} gives it, so they get their collaborators injected. To add a command, add its
 * class to {@code subcommands}; the order there is the order of {@code jconvnet --help}.
 */
@Command(name = "jconvnet", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        subcommands = {
            TrainCommand.class, TestCommand.class, PredictCommand.class, FeaturesCommand.class, ExportWeightsCommand.class,
            ShowCommand.class, DataCommand.class, BenchCommand.class,
            BackendsCommand.class, NetsCommand.class, DescribeCommand.class,
            ConformanceCommand.class},
        description = "Trains and runs cuda-convnet networks on a pluggable compute backend (CPU, OpenCL, CUDA).",
        synopsisSubcommandLabel = "COMMAND",
        footer = {"", "Backend choice: --backend, else -Djconvnet.backend, else $JCONVNET_BACKEND, else the "
                + "highest-priority available backend. An explicit choice never falls back.",
                "Exit codes: 0 success, 1 runtime error, 2 usage or configuration error."})
public final class JConvNetCommand implements Callable<Integer> {
    private final GlobalOptions options;

    @Spec
    private CommandSpec spec;

    /** Creates the command over the run's options holder. */
    @Inject
    public JConvNetCommand(GlobalOptions options) {
        this.options = options;
    }

    @Option(names = "--backend", paramLabel = "ID", scope = ScopeType.INHERIT,
            description = "Use this backend (cpu, opencl, cuda, or a plugin's id); fails with the reason "
                    + "if it is unavailable, never falls back. See 'jconvnet backends'.")
    void backend(String id) {
        options.backend(id);
    }

    @Option(names = "--plugins", paramLabel = "DIR", scope = ScopeType.INHERIT,
            description = "Load every jar in DIR (repeatable) when discovering layer plugins, backends and "
                    + "kernel providers. The folder plugins/ next to the launcher is always scanned.")
    void plugins(List<Path> dirs) {
        options.pluginDirs(dirs);
    }

    @Option(names = {"-v", "--verbose"}, scope = ScopeType.INHERIT,
            description = "Verbose: debug logging, and stack traces with error messages.")
    void verbose(boolean on) {
        options.verbose(on);
    }

    /** Without a subcommand: prints the usage and fails, since there is nothing to do. */
    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return ExitCodes.USAGE_ERROR;
    }
}
