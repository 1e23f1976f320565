package org.jconvnet.cli.conformance;

import jakarta.inject.Inject;
import jakarta.inject.Provider;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import org.jconvnet.api.backend.BackendRegistry;
import org.jconvnet.api.layer.LayerPluginRegistry;
import org.jconvnet.cli.ExitCodes;
import org.jconvnet.cli.GlobalOptions;
import org.jconvnet.cli.Plugins;
import org.jconvnet.cli.UsageException;
import org.jconvnet.cli.options.BackendId;
import org.jconvnet.cli.options.OutputFile;
import org.jconvnet.conformance.ConformanceOptions;
import org.jconvnet.conformance.ConformanceReport;
import org.jconvnet.conformance.ConformanceRunner;
import org.jconvnet.conformance.report.JsonReport;
import org.jconvnet.conformance.report.TextReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code jconvnet conformance [--backend ID[,ID]] [--require ID] [--report FILE]}: runs the
 * conformance suite ({@link ConformanceRunner}) on the selected backends (all discovered ones by
 * default) plus the checks of the CPU reference itself, prints the text table and writes the JSON
 * report. Exits 1 on any failure (including an unexpected pass and a required backend that is
 * unavailable).
 */
@Command(name = "conformance", mixinStandardHelpOptions = true,
        description = {"Hold backends to the float64 CPU reference: every layer plugin's cases (forward, "
                + "gradient to inputs, gradient to weights), layout probes, the seed net layer by layer and "
                + "after 3 SGD steps; and check the reference itself (central-difference gradients, golden cases).",
                "Backends: --backend ID[,ID] (else -Djconvnet.conformance.backends, else all discovered). "
                        + "Unavailable ones are skipped with their reason unless required."},
        footer = {"", "Exit codes: 0 all checks passed (skips and expected failures allowed), 1 any failure, "
                + "2 a usage error.", "", "Examples:", "  jconvnet conformance --backend opencl --report conformance.json",
                "  jconvnet conformance --require cuda"})
public final class ConformanceCommand implements Callable<Integer> {
    private final GlobalOptions options;
    private final Provider<Plugins> plugins;
    private final Provider<BackendRegistry> backends;
    private final Provider<LayerPluginRegistry> layers;

    @Spec
    private CommandSpec spec;

    @Option(names = "--require", paramLabel = "ID", split = ",", converter = BackendId.class,
            description = "Fail (instead of skip) when this backend is unavailable (repeatable, comma-separated). "
                    + "Adds to -Djconvnet.conformance.require.")
    private List<String> require = new ArrayList<>();

    @Option(names = "--report", paramLabel = "FILE", converter = OutputFile.class,
            description = "Write the JSON report here: backend x layer x case x op with max abs/rel error, "
                    + "tolerance, status and reason.")
    private Path report;

    @Option(names = "--no-reference-checks",
            description = "Skip the checks of the reference itself (gradient checks, golden cases).")
    private boolean noReferenceChecks;

    @Option(names = "--no-whole-net", description = "Skip the whole seed-net comparison.")
    private boolean noWholeNet;

    @Option(names = "--progress", description = "Print each result to stderr as it is produced.")
    private boolean progress;

    /** Creates the command; backends and layer plugins are discovered only when it runs. */
    @Inject
    public ConformanceCommand(GlobalOptions options, Provider<Plugins> plugins, Provider<BackendRegistry> backends,
                              Provider<LayerPluginRegistry> layers) {
        this.options = options;
        this.plugins = plugins;
        this.backends = backends;
        this.layers = layers;
    }

    @Override
    public Integer call() {
        BackendRegistry discovered = backends.get();
        for (String id : require) {
            if (discovered.find(id).isEmpty()) {
                throw new UsageException("--require " + id + ": no such backend was discovered; known backends: "
                        + String.join(", ", discovered.ids()) + " (see 'jconvnet backends')");
            }
        }
        ConformanceOptions o = ConformanceOptions.fromSystemProperties().withLoader(plugins.get().classLoader());
        if (options.backend().isPresent()) {
            o = o.withBackends(ConformanceOptions.ids(options.backend().get()));
        }
        Set<String> required = new LinkedHashSet<>(o.require());
        require.forEach(r -> required.addAll(ConformanceOptions.ids(r)));
        o = o.withRequire(required).withReferenceChecks(!noReferenceChecks).withWholeNet(!noWholeNet);
        ConformanceRunner runner = new ConformanceRunner(o, discovered, layers.get());
        PrintStream err = progress ? System.err : null;
        ConformanceReport result = runner.run(err);
        PrintWriter out = spec.commandLine().getOut();
        out.print(TextReport.format(result));
        if (report != null) {
            JsonReport.write(result, report);
            out.println("JSON report written to " + report.toAbsolutePath());
        }
        out.flush();
        return result.failed() ? ExitCodes.RUNTIME_ERROR : ExitCodes.OK;
    }
}
