package org.jconvnet.cli.train;

import jakarta.inject.Inject;
import jakarta.inject.Provider;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.jconvnet.api.backend.BackendConfig;
import org.jconvnet.api.backend.BackendSelector;
import org.jconvnet.api.layer.LayerPluginRegistry;
import org.jconvnet.api.tensor.DType;
import org.jconvnet.cli.ExitCodes;
import org.jconvnet.cli.GlobalOptions;
import org.jconvnet.train.Bench;
import org.jconvnet.train.TrainDefaults;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code jconvnet bench}: training throughput per backend. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Measure training throughput (images/s: forward, backward, SGD step) of a net on synthetic data, "
                + "after warm-up. --backend a,b measures several backends in one run and prints ratios to the first; "
                + "one that is unavailable gets a row saying why, the others are still measured, and the exit code is 1.",
                "Without --backend: the automatically chosen backend."})
public final class BenchCommand implements Callable<Integer> {
    private final GlobalOptions global;
    private final Provider<BackendSelector> selector;
    private final Provider<BackendConfig> config;
    private final Provider<LayerPluginRegistry> layers;

    @Spec
    private CommandSpec spec;

    @Option(names = "--layer-def", paramLabel = "NET", description = "Shipped net or .cfg file (default: the seed net).")
    String layerDef = TrainDefaults.LAYER_DEF;

    @Option(names = "--data-provider", paramLabel = "NAME", description = "cifar (32x32, default) or cifar-cropped (24x24).")
    String provider = TrainDefaults.DATA_PROVIDER;

    @Option(names = "--mini", paramLabel = "N", description = "Minibatch size (default " + TrainDefaults.MINI + ").")
    int mini = TrainDefaults.MINI;

    @Option(names = "--minibatches", paramLabel = "N", description = "Timed minibatches (default 3).")
    int minibatches = 3;

    @Option(names = "--warmup", paramLabel = "N", description = "Untimed warm-up minibatches (default 1).")
    int warmup = 1;

    @Option(names = "--profile", description = "Also print, per backend, the time of each layer's forward, backward and "
            + "SGD step (another --minibatches minibatches, each layer synchronised).")
    boolean profile;

    @Option(names = "--dtype", paramLabel = "T", description = TrainDefaults.DTYPE + " (default) or float64.")
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
        List<Bench.Row> rows = Bench.run(layerDef, provider, layers.get(), DType.parse(dtype), ids, mini, minibatches,
                warmup, profile, id -> selector.choose(id).provider().create(started), b -> b.close(),
                Streams.of(spec.commandLine().getOut()));
        // Every available backend was measured; one that could not start still fails the command.
        return rows.size() == ids.size() ? ExitCodes.OK : ExitCodes.RUNTIME_ERROR;
    }
}
