package org.jconvnet.cli.train;

import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.jconvnet.cli.ExitCodes;
import org.jconvnet.cli.UsageException;
import org.jconvnet.cli.options.Count;
import org.jconvnet.cli.options.InputDir;
import org.jconvnet.cli.options.LrScheduleText;
import org.jconvnet.cli.options.OutputDir;
import org.jconvnet.cli.options.PlainName;
import org.jconvnet.cli.options.SparkMasterUrl;
import org.jconvnet.cli.options.Switch;
import org.jconvnet.train.TrainDefaults;
import org.jconvnet.train.TrainOptions;
import org.jconvnet.train.TrainingJob;
import org.jconvnet.train.distributed.DistributedOptions;
import org.jconvnet.train.run.RunDirectoryConflict;
import org.jconvnet.train.run.TrainingStopped;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code jconvnet train}: cuda-convnet's {@code convnet.py}. */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = {"Train a net as cuda-convnet does: batches in order, minibatches of --mini, "
                + "a test and a crash-safe checkpoint every --test-freq batches, metrics in <save-path>/<name>/metrics.jsonl.",
                "Without --data-path it trains the seed net on an embedded synthetic data set (seconds on OpenCL, "
                        + "longer on the CPU reference).",
                "Resume with -f <save-path>/<name>; the layer-params file is re-read. Options that change the net "
                        + "or its input (--layer-def, --data-provider, --crop-border, --dtype) must match the checkpoint.",
                "An existing run directory is never overwritten (exit 2), nor one another train process is using.",
                "Per-batch results go to stdout; a progress bar to stderr only on a terminal. A NaN or infinite cost "
                        + "stops the run (exit 1); Ctrl-C or SIGTERM saves a checkpoint after the current minibatch (exit 130)."},
        footer = {"", "Examples:",
                "  jconvnet train --data-path ~/.cache/jconvnet/cifar-10-batches-bin \\",
                "      --data-provider cifar-cropped --epochs 10 --save-name run1",
                "  jconvnet train -f checkpoints/run1 --epochs 20",
                "  jconvnet train --spark local[4] --workers 4 --save-name run2",
                "  jconvnet train --data-path DIR --layer-def layers-18pct --epochs 130 --lr-schedule 120:0.1,130:0.01"})
public final class TrainCommand implements Callable<Integer> {
    private final Jobs jobs;

    @Spec
    private CommandSpec spec;

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

    @Mixin
    private NewModelOptions newModel;

    @Option(names = "-f", paramLabel = "DIR", converter = InputDir.class,
            description = "Resume from this checkpoint directory (<save-path>/<save-name>); with --test-only=1, test it.")
    Path loadFrom;

    @Option(names = "--init-from", paramLabel = "DIR", converter = InputDir.class,
            description = "Initial weights from DIR/<layer>.weights.npy and <layer>.biases.npy (cuda-convnet shapes), "
                    + "as export-weights writes them; DIR/data-mean.npy, when there, is the data mean to use.")
    Path initFrom;

    @Option(names = "--test-freq", paramLabel = "N", converter = Count.class, description = "Test and save every N training batches (default "
            + TrainDefaults.TEST_FREQ + "; " + TrainDefaults.EMBEDDED_TEST_FREQ + " on the embedded set).")
    Integer testFreq;

    @Option(names = "--epochs", paramLabel = "N", converter = Count.class,
            description = "Train through epoch N, counted over resumes; N >= 1. As in cuda-convnet, whose loop checks "
                    + "the epoch after each batch, the run ends with the first batch of epoch N+1. Default "
                    + TrainDefaults.EPOCHS + "; " + TrainDefaults.EMBEDDED_EPOCHS + " on the embedded set.")
    Integer epochs;

    @Option(names = "--lr-schedule", paramLabel = "E:F[,E:F...]", converter = LrScheduleText.class,
            description = "Learning-rate schedule: after E epochs, every epsW and epsB of the layer-params file is "
                    + "multiplied by F (not cumulatively), e.g. 120:0.1,130:0.01 for cuda-convnet's \"divide by 10 after "
                    + "120 epochs and again after 10 more\". Epochs increase, each at most --epochs; F > 0. Saved in the "
                    + "checkpoint: a resume keeps it unless given again, which replaces it (none: the file's rates alone). "
                    + "Default: none.")
    String lrSchedule;

    @Option(names = "--test-one", paramLabel = "0|1", converter = Switch.Converter.class, arity = "0..1",
            fallbackValue = "1", description = "1: test on the next test batch in rotation; 0: all of them (default "
            + (TrainDefaults.TEST_ONE ? 1 : 0) + ").")
    Switch testOne;

    @Option(names = "--save-path", paramLabel = "DIR", converter = OutputDir.class, description = "Where checkpoint directories are created (default: "
            + TrainDefaults.SAVE_PATH + " in the current directory).")
    Path savePath;

    @Option(names = "--save-name", paramLabel = "NAME", converter = PlainName.class, description = "Checkpoint directory name (default "
            + TrainDefaults.SAVE_NAME_PREFIX + "<date>_<time>).")
    String saveName;

    @Option(names = "--test-only", paramLabel = "0|1", converter = Switch.Converter.class, arity = "0..1", fallbackValue = "1",
            description = "Only test the model loaded with -f.")
    Switch testOnly;

    @Option(names = "--multiview-test", paramLabel = "0|1", converter = Switch.Converter.class, arity = "0..1", fallbackValue = "1",
            description = "Test on 10 views per image, softmax outputs averaged (cifar-cropped), during training and with --test-only.")
    Switch multiviewTest;

    @Option(names = "--spark", paramLabel = "MASTER_URL", converter = SparkMasterUrl.class,
            description = "Train data-parallel on Apache Spark: local[N], local[N,F] (F attempts per task), spark://HOST:PORT, "
                    + "yarn, k8s://URL. The driver (this process) keeps the weights, tests and writes the usual checkpoints. "
                    + "Needs the spark module on the class path (./jconvnet adds it when it is built).")
    String spark;

    @Option(names = "--workers", paramLabel = "N", converter = Count.class,
            description = "With --spark: N worker tasks, each training on 1/N of every minibatch (default 2).")
    Integer workers;

    @Option(names = "--sync-every", paramLabel = "K", converter = Count.class,
            description = "With --spark: 1 (default) combines the workers' gradients every minibatch, so the run equals one "
                    + "machine's; K > 1: each worker takes K local steps, then the weights are averaged (fewer rounds over the network).")
    Integer syncEvery;

    /** Created by Guice. */
    @Inject
    public TrainCommand(Jobs jobs) {
        this.jobs = jobs;
    }

    /**
     * Trains; a run directory that holds a run or is in use is a usage error (exit 2), a stop on
     * SIGINT/SIGTERM ends with the checkpoint's place on stderr and exit 130, a diverged run with
     * exit 1 (through the error reporter).
     */
    @Override
    public Integer call() {
        if (spark == null && (workers != null || syncEvery != null)) {
            throw new UsageException((workers != null ? "--workers" : "--sync-every") + " needs --spark MASTER_URL");
        }
        DistributedOptions distributed = spark == null ? null
                : DistributedOptions.spark(spark, workers == null ? 2 : workers, syncEvery == null ? 1 : syncEvery);
        TrainingJob job = jobs.job(spec.commandLine().getOut(), spec.commandLine().getErr());
        TrainingJob.Result r;
        try {
            r = job.train(modelOptions().loadFrom(loadFrom).initFrom(initFrom).testFreq(testFreq)
                    .epochs(epochs).lrSchedule(lrSchedule).testOne(Switch.value(testOne)).savePath(savePath).saveName(saveName)
                    .testOnly(Switch.value(testOnly)).multiviewTest(Switch.value(multiviewTest)).build(), distributed);
        } catch (RunDirectoryConflict e) {
            throw new UsageException(e.getMessage());
        } catch (TrainingStopped e) {
            spec.commandLine().getOut().flush();
            spec.commandLine().getErr().println("jconvnet: " + e.getMessage());
            spec.commandLine().getErr().flush();
            return ExitCodes.INTERRUPTED;
        }
        if (testOnly != Switch.ON) {
            spec.commandLine().getOut().println(ResultLine.finished(r));
        }
        spec.commandLine().getOut().flush();
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
        newModel.applyTo(b);
        return b;
    }
}
