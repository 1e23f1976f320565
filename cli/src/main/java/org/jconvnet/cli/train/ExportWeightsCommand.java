package org.jconvnet.cli.train;

import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.jconvnet.cli.ExitCodes;
import org.jconvnet.cli.StartsNoBackend;
import org.jconvnet.cli.options.OutputDir;
import org.jconvnet.train.TrainOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code jconvnet export-weights}: every parameter as a numpy file in cuda-convnet's shapes. */
@Command(name = "export-weights", mixinStandardHelpOptions = true,
        description = "Write every parameter of a checkpoint (-f DIR) as OUT/<layer>.weights.npy and "
                + "<layer>.biases.npy, in cuda-convnet's shapes and memory orders, and the data mean as OUT/data-mean.npy; "
                + "train --init-from reads them back (with the mean it needs no training batches).",
        footer = {"", "Example:", "  jconvnet export-weights -f checkpoints/run1 -o weights"})
public final class ExportWeightsCommand implements Callable<Integer>, StartsNoBackend {
    private final Jobs jobs;

    @Spec
    private CommandSpec spec;

    @Mixin
    private CheckpointOption checkpoint;

    @Option(names = {"-o", "--out"}, required = true, paramLabel = "DIR", converter = OutputDir.class,
            description = "Output directory.")
    Path out;

    /** Created by Guice. */
    @Inject
    public ExportWeightsCommand(Jobs jobs) {
        this.jobs = jobs;
    }

    @Override
    public Integer call() {
        jobs.job(spec.commandLine().getOut(), spec.commandLine().getErr()).exportWeights(TrainOptions.builder().loadFrom(checkpoint.dir).build(), out);
        return ExitCodes.OK;
    }
}
