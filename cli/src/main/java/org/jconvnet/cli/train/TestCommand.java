package org.jconvnet.cli.train;

import jakarta.inject.Inject;
import java.util.concurrent.Callable;
import org.jconvnet.cli.ExitCodes;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code jconvnet test}: cuda-convnet's {@code --test-only=1}. */
@Command(name = "test", mixinStandardHelpOptions = true,
        description = "Test a checkpoint (-f DIR) on every batch of the test range; --multiview-test averages the "
                + "softmax over 10 crops (cifar-cropped).")
public final class TestCommand implements Callable<Integer> {
    private final Jobs jobs;

    @Spec
    private CommandSpec spec;

    @Mixin
    private ModelOptions model;

    @Option(names = "--multiview-test", paramLabel = "0|1", converter = Flag.class, arity = "0..1", fallbackValue = "1",
            description = "10-view test (cifar-cropped).")
    Boolean multiviewTest;

    /** Created by Guice. */
    @Inject
    public TestCommand(Jobs jobs) {
        this.jobs = jobs;
    }

    @Override
    public Integer call() {
        jobs.job(spec.commandLine().getOut(), spec.commandLine().getErr())
                .test(model.builder().multiviewTest(multiviewTest).build());
        return ExitCodes.OK;
    }
}
