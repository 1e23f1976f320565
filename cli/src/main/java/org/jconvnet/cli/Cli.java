package org.jconvnet.cli;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Stage;
import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.RunLast;

/**
 * One run of the {@code jconvnet} command line, in-process: builds the Guice injector and the
 * picocli command tree (the subcommands are listed on {@link JConvNetCommand}), builds the plugin
 * class loader once the options are parsed, runs the command and closes the backend if one was
 * started. Tests drive the CLI through this class; {@link Main} is a thin wrapper that exits with
 * its result.
 */
public final class Cli {
    private final GlobalOptions options = new GlobalOptions();
    private final Injector injector;
    private final PrintWriter out;
    private final PrintWriter err;
    private final ErrorReporter reporter;
    private final List<Class<?>> extraCommands;

    /**
     * Prepares a run writing to the given streams.
     *
     * @param out command output
     * @param err error messages and usage help for wrong arguments
     */
    public Cli(PrintWriter out, PrintWriter err) {
        this(out, err, List.of());
    }

    /** A run with commands besides {@link JConvNetCommand}'s (tests add commands that exercise the wiring). */
    Cli(PrintWriter out, PrintWriter err, List<Class<?>> extraCommands) {
        this.extraCommands = List.copyOf(extraCommands);
        this.out = out;
        this.err = err;
        this.reporter = new ErrorReporter(err, options);
        // DEVELOPMENT stage keeps singletons lazy: nothing is discovered or started until a command asks.
        this.injector = Guice.createInjector(Stage.DEVELOPMENT, new CliModule(options));
    }

    /** Runs the command line {@code args} and returns the process exit code. */
    public int execute(String... args) {
        try {
            CommandLine cl = new CommandLine(JConvNetCommand.class, new GuiceFactory(injector));
            for (Class<?> command : extraCommands) {
                cl.addSubcommand(command);
            }
            withoutBackendOption(cl);
            cl.setOut(out);
            cl.setErr(err);
            cl.setParameterExceptionHandler(this::onBadArguments);
            cl.setExecutionExceptionHandler((failure, commandLine, parseResult) -> reporter.report(failure));
            cl.setExecutionStrategy(this::run);
            return cl.execute(args);
        } catch (RuntimeException | LinkageError failure) {
            return reporter.report(failure);
        } finally {
            closeBackend();
            out.flush();
            err.flush();
        }
    }

    /** Removes the inherited {@code --backend} from every command that starts no backend ({@link StartsNoBackend}). */
    private static void withoutBackendOption(CommandLine cl) {
        for (CommandLine sub : cl.getSubcommands().values()) {
            CommandSpec spec = sub.getCommandSpec();
            OptionSpec backend = spec.findOption("--backend");
            if (spec.userObject() instanceof StartsNoBackend && backend != null && backend.inherited()) {
                spec.remove(backend);
            }
            withoutBackendOption(sub);
        }
    }

    /** The injector of this run, for tests that check what was (not) created. */
    public Injector injector() {
        return injector;
    }

    private int run(ParseResult parseResult) {
        Integer help = CommandLine.executeHelpRequest(parseResult);
        if (help != null) {
            return help;
        }
        try {
            // Start-up: --plugins is parsed now, so the plugin class loader is built here, once, before
            // any command runs; commands and the backend get it (or the registries over it) injected.
            // A bad plugin folder is thus a usage error whatever the command.
            Plugins plugins = injector.getInstance(Plugins.class);
            if (options.verbose()) {
                debugLines(parseResult, plugins);
            }
            return new RunLast().execute(parseResult);
        } catch (CommandLine.ExecutionException wrapped) {
            return reporter.report(wrapped.getCause() == null ? wrapped : wrapped.getCause());
        } catch (RuntimeException failure) {
            return reporter.report(failure);
        }
    }

    /**
     * With {@code -v}: what is about to run, as parsed (the command, every option given, with its
     * value), the plugin folders and jars and the JVM, on stderr in the logger's {@code [DEBUG]} form.
     * Written here rather than logged, so that they appear whatever the logger was set up with.
     */
    private void debugLines(ParseResult parsed, Plugins plugins) {
        StringBuilder given = new StringBuilder();
        ParseResult leaf = parsed;
        for (ParseResult level = parsed; level != null; level = level.subcommand()) {
            leaf = level;
            for (OptionSpec o : level.matchedOptions()) {
                given.append(' ').append(o.longestName()).append(o.arity().max() == 0 ? "" : "=" + String.join(",",
                        o.originalStringValues()));
            }
            for (picocli.CommandLine.Model.PositionalParamSpec p : level.matchedPositionals()) {
                given.append(' ').append(String.join(" ", p.originalStringValues()));
            }
        }
        err.println("[DEBUG] jconvnet: running '" + leaf.commandSpec().qualifiedName() + "' with"
                + (given.length() == 0 ? " no options" : given));
        err.println("[DEBUG] jconvnet: plugin directories: " + (plugins.dirs().isEmpty() ? "none" : plugins.dirs())
                + "; plugin jars: " + (plugins.jars().isEmpty() ? "none" : plugins.jars()));
        err.println("[DEBUG] jconvnet: Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor")
                + ") on " + System.getProperty("os.name") + " " + System.getProperty("os.arch") + ", "
                + Runtime.getRuntime().availableProcessors() + " cores, max heap "
                + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MiB");
        err.flush();
    }

    private int onBadArguments(ParameterException e, String[] args) {
        return reporter.usage(e);
    }

    private void closeBackend() {
        try {
            injector.getInstance(BackendSession.class).close();
        } catch (RuntimeException failure) {
            reporter.report(failure);
        }
    }
}
