package org.jconvnet.conformance;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.jconvnet.api.backend.Availability;
import org.jconvnet.api.backend.Backend;
import org.jconvnet.api.backend.BackendConfig;
import org.jconvnet.api.backend.BackendProvider;
import org.jconvnet.api.backend.BackendRegistry;
import org.jconvnet.api.JConvNetException;
import org.jconvnet.api.layer.LayerCase;
import org.jconvnet.api.layer.LayerPlugin;
import org.jconvnet.api.layer.LayerPluginRegistry;
import org.jconvnet.conformance.check.Check;
import org.jconvnet.conformance.check.CheckContext;
import org.jconvnet.conformance.check.CheckExecutor;
import org.jconvnet.conformance.check.CheckId;
import org.jconvnet.conformance.check.GoldenCheck;
import org.jconvnet.conformance.check.FrozenGoldenCheck;
import org.jconvnet.conformance.check.GradientCheck;
import org.jconvnet.conformance.check.LayerCaseCheck;
import org.jconvnet.conformance.check.LayoutProbeCheck;
import org.jconvnet.conformance.check.WholeNetCheck;
import org.jconvnet.conformance.policy.BackendPolicy;

/**
 * Runs the conformance suite: the API behind {@code jconvnet conformance} and the JUnit helper.
 *
 * <p>For every selected backend it runs every layer plugin's cases, the layout probes and the whole
 * seed net against the float64 CPU reference, under the backend's own policy; then (optionally) the
 * checks of the reference itself. An unavailable backend is skipped with its probe's reason unless
 * it is required, in which case it is a failure.
 */
public final class ConformanceRunner {
    /** The id of the reference backend. */
    public static final String REFERENCE_BACKEND = "cpu";

    private final ConformanceOptions options;
    private final BackendRegistry registry;
    private final LayerPluginRegistry plugins;

    /** Discovers backends and layer plugins on the options' class loader. */
    public ConformanceRunner(ConformanceOptions options) {
        this(options, BackendRegistry.discover(options.loader()), LayerPluginRegistry.discover(options.loader()));
    }

    /** Uses the given registries (tests, embedding code). */
    public ConformanceRunner(ConformanceOptions options, BackendRegistry registry, LayerPluginRegistry plugins) {
        this.options = options;
        this.registry = registry;
        this.plugins = plugins;
    }

    /** The options. */
    public ConformanceOptions options() {
        return options;
    }

    /** The discovered backends. */
    public BackendRegistry registry() {
        return registry;
    }

    /** The discovered layer plugins. */
    public LayerPluginRegistry plugins() {
        return plugins;
    }

    /** The backend ids this run covers: the selection (all discovered when empty) plus the required ones. */
    public List<String> selectedBackends() {
        Set<String> ids = new LinkedHashSet<>();
        if (options.backends().isEmpty()) {
            registry.providers().forEach(p -> ids.add(p.id()));
        } else {
            ids.addAll(options.backends());
        }
        ids.addAll(new java.util.TreeSet<>(options.require()));
        return List.copyOf(ids);
    }

    /**
     * Why a backend cannot be tested, if it cannot: unknown id or unavailable.
     *
     * @return empty when the backend is available
     */
    public Optional<String> unavailableReason(String id) {
        Optional<BackendProvider> p = registry.find(id);
        if (p.isEmpty()) {
            return Optional.of("unknown backend '" + id + "'; discovered backends: " + String.join(", ", registry.ids()));
        }
        Availability a = p.get().probe();
        return a.available() ? Optional.empty() : Optional.of(a.detail());
    }

    /** Whether an unavailable backend must fail the run rather than be skipped. */
    public boolean required(String id) {
        return options.require().contains(id);
    }

    /** The layer cases every plugin supplies, by plugin type; plugins without cases map to an empty list. */
    public Map<String, List<LayerCase>> layerCases() {
        Map<String, List<LayerCase>> out = new TreeMap<>();
        for (Map.Entry<String, LayerPlugin> e : plugins.map().entrySet()) {
            out.put(e.getKey(), e.getValue().conformanceCases());
        }
        return out;
    }

    /** The checks run on every backend: layer cases, layout probes, and the whole seed net. */
    public List<Check> backendChecks() {
        List<Check> checks = new ArrayList<>();
        layerCases().forEach((type, cases) -> cases.forEach(c -> checks.add(new LayerCaseCheck(type, c, plugins))));
        checks.addAll(LayoutProbeCheck.all(plugins));
        if (options.wholeNet()) {
            checks.add(new WholeNetCheck(plugins));
        }
        return checks;
    }

    /** The checks of the reference itself: gradient checks, external and frozen golden cases. */
    public List<Check> referenceChecks() {
        List<Check> checks = new ArrayList<>();
        layerCases().forEach((type, cases) -> cases.forEach(c -> checks.add(new GradientCheck(type, c, plugins))));
        checks.addAll(GoldenCheck.discover(plugins));
        checks.addAll(FrozenGoldenCheck.all(plugins));
        return checks;
    }

    /** A context for testing backend {@code id}, which must be available; the caller closes it. */
    public CheckContext contextFor(String id) {
        BackendProvider p = registry.find(id).orElseThrow(() -> new JConvNetException(unavailableReason(id).orElseThrow()));
        return new CheckContext(id, () -> p.create(backendConfig()), referenceStarter(), plugins,
                BackendPolicy.load(id, options.loader()));
    }

    /** A context for the checks of the reference itself; the caller closes it. */
    public CheckContext referenceContext() {
        Supplier<Backend> ref = memoize(referenceStarter());
        return new CheckContext(CheckContext.REFERENCE, ref, ref, plugins,
                BackendPolicy.load(CheckContext.REFERENCE, options.loader()));
    }

    private Supplier<Backend> referenceStarter() {
        return () -> registry.find(REFERENCE_BACKEND)
                .orElseThrow(() -> new JConvNetException("the CPU reference backend ('" + REFERENCE_BACKEND
                        + "') is not on the class path; the conformance suite needs it as its oracle"))
                .create(backendConfig());
    }

    /** How every backend of the run is started: on the options' class loader, so plug-in kernels are found. */
    private BackendConfig backendConfig() {
        return BackendConfig.defaults().withPluginLoader(options.loader());
    }

    private static Supplier<Backend> memoize(Supplier<Backend> s) {
        Backend[] box = new Backend[1];
        return () -> {
            synchronized (box) {
                if (box[0] == null) {
                    box[0] = s.get();
                }
                return box[0];
            }
        };
    }

    /** Runs everything silently. */
    public ConformanceReport run() {
        return run(null);
    }

    /**
     * Runs every selected backend and, if enabled, the reference checks.
     *
     * @param progress where to print one line per check as it finishes, or null
     */
    public ConformanceReport run(PrintStream progress) {
        ConformanceReport report = new ConformanceReport();
        List<Check> checks = null;
        for (String id : selectedBackends()) {
            Optional<String> why = unavailableReason(id);
            if (why.isPresent()) {
                report.addBackend(new BackendOutcome(id, false, why.get()));
                boolean fail = required(id) || registry.find(id).isEmpty();
                String msg = (fail && registry.find(id).isPresent()
                        ? "required (--require or -D" + ConformanceOptions.REQUIRE_PROPERTY + ") but unavailable: " : "") + why.get();
                report.add(new CheckResult(id, "backend", "*", "*", "*", fail ? Status.FAIL : Status.SKIP,
                        Double.NaN, Double.NaN, Double.NaN, "", msg));
                print(progress, report.results().get(report.results().size() - 1));
                continue;
            }
            if (checks == null) {
                checks = backendChecks();
            }
            CheckContext ctx = contextFor(id);
            try {
                String device;
                try {
                    device = ctx.backend().deviceName();
                } catch (RuntimeException | Error e) {
                    report.addBackend(new BackendOutcome(id, false, "failed to start: " + e.getMessage()));
                    report.add(new CheckResult(id, "backend", "*", "*", "*", Status.FAIL, Double.NaN, Double.NaN,
                            Double.NaN, "", "the probe said available but create() failed: " + e));
                    continue;
                }
                report.addBackend(new BackendOutcome(id, true, device));
                runAll(checks, ctx, report, progress);
            } finally {
                ctx.close();
            }
        }
        if (options.referenceChecks()) {
            CheckContext ctx = referenceContext();
            try {
                runAll(referenceChecks(), ctx, report, progress);
            } finally {
                ctx.close();
            }
        }
        return report;
    }

    private static void runAll(List<Check> checks, CheckContext ctx, ConformanceReport report, PrintStream progress) {
        for (Check c : checks) {
            for (CheckResult r : CheckExecutor.execute(c, ctx)) {
                report.add(r);
                print(progress, r);
            }
        }
    }

    private static void print(PrintStream progress, CheckResult r) {
        if (progress != null) {
            progress.println(r.describe());
        }
    }

    /** The id a check result would carry, for callers matching results to plans. */
    public static CheckId idOf(CheckResult r) {
        return new CheckId(r.layer(), r.caseName(), r.op());
    }
}
