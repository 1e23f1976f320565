package org.jconvnet.cli.train;

import jakarta.inject.Inject;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.jconvnet.cli.ExitCodes;
import org.jconvnet.cli.options.Switch;
import org.jconvnet.train.TrainOptions;
import org.jconvnet.train.facade.JConvNet;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code jconvnet test}: cuda-convnet's {@code --test-only=1}, through the library ({@link JConvNet#test()}). */
@Command(name = "test", mixinStandardHelpOptions = true,
        description = "Test a checkpoint (-f DIR) on every batch of the test range; --multiview-test averages the "
                + "softmax over 10 crops (cifar-cropped).",
        footer = {"", "Examples:", "  jconvnet test -f checkpoints/run1",
                "  jconvnet test -f checkpoints/run1 --test-range 6 --multiview-test 1"})
public final class TestCommand implements Callable<Integer> {
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

    @Mixin
    private LogregOption logreg;

    @Option(names = "--multiview-test", paramLabel = "0|1", converter = Switch.Converter.class, arity = "0..1",
            fallbackValue = "1", description = "10-view test (needs a cifar-cropped model).")
    Switch multiviewTest;

    /** Created by Guice. */
    @Inject
    public TestCommand(Jobs jobs) {
        this.jobs = jobs;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try (JConvNet net = jobs.load(checkpoint.dir, spec.commandLine().getErr())
                .options(modelOptions().multiviewTest(Switch.value(multiviewTest)).build()).dataRequired(true).open()) {
            net.test().output().forEach(out::println);
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
        logreg.applyTo(b);
        return b;
    }
}
