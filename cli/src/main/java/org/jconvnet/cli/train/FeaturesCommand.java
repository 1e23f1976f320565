package org.jconvnet.cli.train;

import jakarta.inject.Inject;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.jconvnet.cli.ExitCodes;
import org.jconvnet.cli.options.LayerName;
import org.jconvnet.cli.options.OutputDir;
import org.jconvnet.cli.options.PlainName;
import org.jconvnet.train.TrainOptions;
import org.jconvnet.train.facade.JConvNet;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code jconvnet features}: shownet's {@code --write-features}, as numpy, through the library ({@link JConvNet#writeFeatures}). */
@Command(name = "features", mixinStandardHelpOptions = true,
        description = "Write a layer's activations over the test range as DIR/NAME.npy, shape (outputs, N), "
                + "and the labels as DIR/NAME.labels.npy.",
        footer = {"", "Example:", "  jconvnet features -f checkpoints/run1 --layer fc10 -o features"})
public final class FeaturesCommand implements Callable<Integer> {
    private final Jobs jobs;

    @Spec
    private CommandSpec spec;

    @Mixin
    private CheckpointOption checkpoint;

    @Mixin
    private DataOptions data;

    @Mixin
    private MiniOption mini;

    @Mixin
    private DTypeOption dtype;

    @Mixin
    private LayerParamsOption layerParams;

    @Option(names = {"--layer", "--write-features"}, required = true, paramLabel = "LAYER", converter = LayerName.class,
            description = "The layer whose outputs to write.")
    String layer;

    @Option(names = {"-o", "--out", "--feature-path"}, required = true, paramLabel = "DIR", converter = OutputDir.class,
            description = "Output directory (--feature-path is cuda-convnet's name for it).")
    Path dir;

    @Option(names = "--name", paramLabel = "NAME", converter = PlainName.class, description = "File name without .npy (default: the layer name).")
    String name;

    /** Created by Guice. */
    @Inject
    public FeaturesCommand(Jobs jobs) {
        this.jobs = jobs;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        // The layer is checked against the net before the backend starts, under this command's option name.
        try (JConvNet net = jobs.load(checkpoint.dir, spec.commandLine().getErr()).options(modelOptions().build())
                .dataRequired(true).beforeBackend(run -> run.requireLayer("--layer", layer)).open()) {
            JConvNet.WrittenFeatures f = net.writeFeatures(layer, dir, name != null ? name : layer);
            out.println("wrote " + f.file() + " (" + f.outputs() + " x " + f.cases() + ")");
        }
        out.flush();
        return ExitCodes.OK;
    }

    /** The options of this command's mixins, as one builder. */
    private TrainOptions.Builder modelOptions() {
        TrainOptions.Builder b = TrainOptions.builder();
        data.applyTo(b);
        mini.applyTo(b);
        dtype.applyTo(b);
        layerParams.applyTo(b);
        return b;
    }
}
