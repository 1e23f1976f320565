package org.jconvnet.cli.train;

import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.jconvnet.cli.ExitCodes;
import org.jconvnet.cli.options.LayerName;
import org.jconvnet.cli.options.OutputDir;
import org.jconvnet.cli.options.Switch;
import org.jconvnet.train.TrainOptions;
import org.jconvnet.train.show.ShowJob;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code jconvnet show}: shownet.py as PNG files. */
@Command(name = "show", mixinStandardHelpOptions = true,
        description = "Draw a checkpoint (-f DIR) as PNGs: cost.png and error.png (train vs test), "
                + "filters-<conv>.png, predictions.png (top-4 bars, true class red). Every option is checked "
                + "before the first file is written.",
        footer = {"", "Examples:", "  jconvnet show -f checkpoints/run1 -o show",
                "  jconvnet show -f checkpoints/run1 --show-filters conv2 --no-preds"})
public final class ShowCommand implements Callable<Integer> {
    private final Jobs jobs;

    @Spec
    private CommandSpec spec;

    @Mixin
    private CheckpointOption checkpoint;

    @Mixin
    private DataOptions data;

    @Mixin
    private DTypeOption dtype;

    @Mixin
    private LayerParamsOption layerParams;

    @Option(names = {"-o", "--out"}, paramLabel = "DIR", converter = OutputDir.class, description = "Output directory (default: ./show).")
    Path out;

    @Option(names = "--show-cost", paramLabel = "LAYER", converter = LayerName.class, description = "Cost layer to plot (default: the first cost.logreg).")
    String costLayer;

    @Option(names = "--show-filters", paramLabel = "LAYER", converter = LayerName.class, description = "Conv layer whose filters to draw (default: the first conv).")
    String filters;

    @Option(names = "--no-preds", description = "Skip predictions.png (needs no data then).")
    boolean noPreds;

    @Option(names = "--only-errors", paramLabel = "0|1", converter = Switch.Converter.class, arity = "0..1",
            fallbackValue = "1", description = "Show only misclassified test images.")
    Switch onlyErrors;

    /** Created by Guice. */
    @Inject
    public ShowCommand(Jobs jobs) {
        this.jobs = jobs;
    }

    @Override
    public Integer call() {
        List<Path> files = ShowJob.run(jobs.job(spec.commandLine().getOut(), spec.commandLine().getErr()),
                modelOptions().loadFrom(checkpoint.dir).build(), new ShowJob.Request(out != null ? out : Path.of("show"),
                        costLayer, filters, !noPreds, onlyErrors == Switch.ON, 1));
        files.forEach(f -> spec.commandLine().getOut().println("wrote " + f));
        spec.commandLine().getOut().flush();
        return ExitCodes.OK;
    }

    /** The options of this command's mixins, as one builder. */
    private TrainOptions.Builder modelOptions() {
        TrainOptions.Builder b = TrainOptions.builder();
        data.applyTo(b);
        dtype.applyTo(b);
        layerParams.applyTo(b);
        return b;
    }
}
