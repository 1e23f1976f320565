package org.jconvnet.cli.train;

import jakarta.inject.Inject;
import jakarta.inject.Provider;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.jconvnet.api.backend.BackendConfig;
import org.jconvnet.api.backend.BackendSelector;
import org.jconvnet.api.layer.LayerPluginRegistry;
import org.jconvnet.api.tensor.DType;
import org.jconvnet.cli.ExitCodes;
import org.jconvnet.cli.GlobalOptions;
import org.jconvnet.cli.options.Count;
import org.jconvnet.cli.options.DTypeName;
import org.jconvnet.cli.options.NetName;
import org.jconvnet.cli.options.NonNegative;
import org.jconvnet.cli.options.OutputFile;
import org.jconvnet.cli.options.ProviderName;
import org.jconvnet.train.Bench;
import org.jconvnet.train.TrainDefaults;
import org.jconvnet.train.bench.BenchReport;
import org.jconvnet.train.bench.Peaks;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code jconvnet bench}: training and forward-only throughput per backend and net. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Measure training throughput (images/s: forward, backward, SGD step) and forward-only throughput "
                + "of a net on synthetic data, after warm-up, as the median of --repeats measurements, with the achieved "
                + "GFLOP/s and their share of the sgemm peak measured in the same run. "
                + "--backend a,b measures several backends in one run and prints ratios to the first; "
                + "one that is unavailable gets a row saying why, the others are still measured, and the exit code is 1.",
                "Without --backend: the automatically chosen backend."},
        footer = {"", "Examples:", "  jconvnet bench --backend cpu,opencl",
                "  jconvnet bench --backend opencl --layer-def layers-18pct --profile"})
public final class BenchCommand implements Callable<Integer> {
    private final GlobalOptions global;
    private final Provider<BackendSelector> selector;
    private final Provider<BackendConfig> config;
    private final Provider<LayerPluginRegistry> layers;

    @Spec
    private CommandSpec spec;

    @Option(names = "--layer-def", paramLabel = "NET", split = ",", converter = NetName.class,
            description = "Shipped net or .cfg file (default: the seed net); several, comma-separated or repeated, "
                    + "are measured in turn on every backend.")
    List<String> layerDefs = new ArrayList<>(List.of(TrainDefaults.LAYER_DEF));

    @Option(names = "--data-provider", paramLabel = "NAME", converter = ProviderName.class, description = "cifar (32x32, default) or cifar-cropped (24x24).")
    String provider = TrainDefaults.DATA_PROVIDER;

    @Option(names = "--mini", paramLabel = "N", converter = Count.class, description = "Minibatch size (default " + TrainDefaults.MINI + ").")
    int mini = TrainDefaults.MINI;

    @Option(names = "--minibatches", paramLabel = "N", converter = Count.class, description = "Timed minibatches per repeat (default 3).")
    int minibatches = 3;

    @Option(names = "--repeats", paramLabel = "R", converter = Count.class, description = "Measure each rate R times and report the median, "
            + "min and max (default 3).")
    int repeats = 3;

    @Option(names = "--json", paramLabel = "FILE", converter = OutputFile.class, description = "Also write the results as JSON: one object per "
            + "backend and net (images/s median, min, max; GFLOP/s; share of the sgemm peak measured in this run).")
    Path json;

    @Option(names = "--warmup", paramLabel = "N", converter = NonNegative.class, description = "Untimed warm-up minibatches (default 1).")
    int warmup = 1;

    @Option(names = "--profile", description = "Also print, per backend, the time of each layer's forward, backward and "
            + "SGD step (another --minibatches minibatches, each layer synchronised).")
    boolean profile;

    @Option(names = "--dtype", paramLabel = "T", converter = DTypeName.class, description = TrainDefaults.DTYPE + " (default) or float64.")
    String dtype = TrainDefaults.DTYPE;

    /** Created by Guice. */
    @Inject
    public BenchCommand(GlobalOptions global, Provider<BackendSelector> selector, Provider<BackendConfig> config,
                        Provider<LayerPluginRegistry> layers) {
        this.global = global;
        this.selector = selector;
        this.config = config;
        this.layers = layers;
    }

    @Override
    public Integer call() {
        List<String> ids = new ArrayList<>();
        BackendSelector selector = this.selector.get();
        String requested = selector.explicitChoice(global.backend().orElse(null)).orElse(null);
        if (requested == null) {
            ids.add(selector.choose(null).provider().id());
        } else {
            for (String id : requested.split(",")) {
                if (!id.isBlank()) {
                    ids.add(id.trim());
                }
            }
        }
        BackendConfig started = config.get();
        Bench.Settings settings = new Bench.Settings(layerDefs, provider, DType.parse(dtype), ids, mini, minibatches,
                warmup, repeats, profile);
        // The host's sgemm peak, measured once before any backend runs (unknown where no BLAS probe is installed).
        Peaks peaks = Peaks.measure(BenchCommand.class.getClassLoader());
        BenchReport report = Bench.run(settings, layers.get(), peaks, id -> selector.choose(id).provider().create(started),
                b -> b.close(), Streams.of(spec.commandLine().getOut()));
        if (json != null) {
            report.write(json);
        }
        // Every available backend was measured; one that could not start still fails the command.
        return report.unavailable().isEmpty() ? ExitCodes.OK : ExitCodes.RUNTIME_ERROR;
    }
}
