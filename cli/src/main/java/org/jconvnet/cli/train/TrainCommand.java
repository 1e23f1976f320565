package org.jconvnet.cli.train;

import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.jconvnet.cli.ExitCodes;
import org.jconvnet.train.TrainDefaults;
import org.jconvnet.train.TrainingJob;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code jconvnet train}: cuda-convnet's {@code convnet.py}. */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = {"Train a net as cuda-convnet does: batches in order, minibatches of --mini, "
                + "a test and a crash-safe checkpoint every --test-freq batches, metrics in <save-path>/<name>/metrics.jsonl.",
                "Without --data-path it trains the seed net on an embedded synthetic data set (about two minutes on a CPU).",
                "Resume with -f <save-path>/<name>; the layer-params file is re-read."})
public final class TrainCommand implements Callable<Integer> {
    private final Jobs jobs;

    @Spec
    private CommandSpec spec;

    @Mixin
    private ModelOptions model;

    @Option(names = "--test-freq", paramLabel = "N", description = "Test and save every N training batches (default "
            + TrainDefaults.TEST_FREQ + "; " + TrainDefaults.EMBEDDED_TEST_FREQ + " on the embedded set).")
    Integer testFreq;

    @Option(names = "--epochs", paramLabel = "N", description = "Train while the epoch is at most N (cumulative over resumes; default "
            + TrainDefaults.EPOCHS + ", " + TrainDefaults.EMBEDDED_EPOCHS + " on the embedded set).")
    Integer epochs;

    @Option(names = "--test-one", paramLabel = "0|1", converter = Flag.class, description = "1: test on the next test batch in rotation; 0: all of them (default "
            + (TrainDefaults.TEST_ONE ? 1 : 0) + ").")
    Boolean testOne;

    @Option(names = "--save-path", paramLabel = "DIR", description = "Where checkpoint directories are created (default ./"
            + TrainDefaults.SAVE_PATH + ").")
    Path savePath;

    @Option(names = "--save-name", paramLabel = "NAME", description = "Checkpoint directory name (default "
            + TrainDefaults.SAVE_NAME_PREFIX + "<date>_<time>).")
    String saveName;

    @Option(names = "--test-only", paramLabel = "0|1", converter = Flag.class, arity = "0..1", fallbackValue = "1",
            description = "Only test the model loaded with -f.")
    Boolean testOnly;

    @Option(names = "--multiview-test", paramLabel = "0|1", converter = Flag.class, arity = "0..1", fallbackValue = "1",
            description = "Test on 10 views per image, softmax outputs averaged (cifar-cropped), during training and with --test-only.")
    Boolean multiviewTest;

    /** Created by Guice. */
    @Inject
    public TrainCommand(Jobs jobs) {
        this.jobs = jobs;
    }

    @Override
    public Integer call() {
        TrainingJob job = jobs.job(spec.commandLine().getOut(), spec.commandLine().getErr());
        TrainingJob.Result r = job.train(model.builder().testFreq(testFreq).epochs(epochs).testOne(testOne)
                .savePath(savePath).saveName(saveName).testOnly(testOnly).multiviewTest(multiviewTest).build());
        if (!Boolean.TRUE.equals(testOnly)) {
            spec.commandLine().getOut().println("finished at " + r.epoch() + "." + r.batchNum() + "; last test: " + r.lastTest()
                    + "; checkpoints in " + r.saveDir());
        }
        spec.commandLine().getOut().flush();
        return ExitCodes.OK;
    }
}
