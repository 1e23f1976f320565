package org.jconvnet.cli;

import jakarta.inject.Inject;
import jakarta.inject.Provider;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.jconvnet.api.backend.BackendRegistry;
import org.jconvnet.api.backend.BackendSelector;
import org.jconvnet.api.backend.BackendStatus;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code jconvnet backends}: the table of every discovered backend with its availability and,
 * when unavailable, the reason. It probes but never starts a backend, so it works (and exits 0)
 * whatever is installed.
 */
@Command(name = "backends", mixinStandardHelpOptions = true,
        description = "List every discovered backend: priority, availability (with the reason when "
                + "unavailable), kernel coverage, and which one a computing command would use. Starts no backend.",
        footer = {"", "Examples:", "  jconvnet backends", "  jconvnet backends --backend opencl -v"})
public final class BackendsCommand implements Callable<Integer> {
    private final Provider<BackendRegistry> registry;
    private final Provider<BackendSelector> selector;
    private final Provider<Plugins> plugins;
    private final GlobalOptions options;

    @Spec
    private CommandSpec spec;

    /** Creates the command; the registry is discovered only when it runs. */
    @Inject
    public BackendsCommand(Provider<BackendRegistry> registry, Provider<BackendSelector> selector,
                           Provider<Plugins> plugins, GlobalOptions options) {
        this.registry = registry;
        this.selector = selector;
        this.plugins = plugins;
        this.options = options;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        List<BackendStatus> rows = registry.get().statuses();
        out.print(BackendRegistry.table(rows));
        out.println();
        out.println(choiceLine(rows));
        if (options.verbose()) {
            Plugins p = plugins.get();
            out.println("plugin directories: " + (p.dirs().isEmpty() ? "(none)" : join(p.dirs())));
            out.println("plugin jars: " + (p.jars().isEmpty() ? "(none)" : join(p.jars())));
        }
        out.flush();
        return ExitCodes.OK;
    }

    /** What a computing command would pick, worked out from the probes alone. */
    private String choiceLine(List<BackendStatus> rows) {
        Optional<String> explicit = selector.get().explicitChoice(options.backend().orElse(null));
        if (explicit.isPresent()) {
            String id = explicit.get();
            Optional<BackendStatus> row = rows.stream().filter(r -> r.id().equals(id)).findFirst();
            if (row.isEmpty()) {
                return "requested backend: " + id + " (unknown: no such backend was discovered)";
            }
            return "requested backend: " + id + (row.get().availability().available()
                    ? " (available)" : " (unavailable: commands that compute will fail, explicit choices never fall back)");
        }
        return rows.stream().filter(r -> r.availability().available()).findFirst()
                .map(r -> "automatic choice: " + r.id() + " (highest-priority available; choose with --backend ID)")
                .orElse("no backend is available; see the reasons above");
    }

    private static String join(List<Path> paths) {
        return String.join(", ", paths.stream().map(Path::toString).toList());
    }
}
