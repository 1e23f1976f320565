package org.jconvnet.train.facade;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Objects;
import java.util.function.Consumer;
import org.jconvnet.train.metrics.Metric;
import org.jconvnet.train.metrics.TestMetric;
import org.jconvnet.train.metrics.TrainMetric;

/**
 * How {@link JConvNet.Loader#train(Training)} trains: the settings of {@code jconvnet train} that
 * concern the run rather than the net (the net, data and backend are the loader's). Unset values
 * take the command's defaults, or on a resumed run the checkpoint's. Mutable and fluent:
 *
 * <pre>{@code
 * TrainingResult r = JConvNet.create("layers-18pct").dataPath(cifarDir).backend("cpu")
 *         .train(new Training().epochs(1).saveTo(dir, "run1").onMetric(m -> System.out.println(m)));
 * }</pre>
 */
public final class Training {
    private Integer epochs;
    private Integer testFreq;
    private String lrSchedule;
    private Boolean testOne;
    private Boolean multiviewTest;
    private Path savePath;
    private String saveName;
    private Consumer<Metric> listener = m -> { };
    private PrintStream out = quiet();
    private PrintStream err = quiet();

    /** Training with every setting at its default. */
    public Training() {
    }

    /**
     * Trains while the epoch is at most this ({@code --epochs}; cumulative over resumes).
     *
     * @param epochs at least 1
     * @return this
     */
    public Training epochs(int epochs) {
        this.epochs = epochs;
        return this;
    }

    /**
     * The learning-rate schedule ({@code --lr-schedule}): after E epochs every {@code epsW} and
     * {@code epsB} of the layer-params file is multiplied by F, e.g. {@code "120:0.1,130:0.01"};
     * {@code "none"} for the file's rates alone. Saved in the checkpoint, so a resume continues it
     * unless given again. Checked when {@link JConvNet.Loader#train(Training)} resolves the run.
     *
     * @param schedule {@code E:F[,E:F...]} with increasing E at most the epochs, F above 0; or {@code none}
     * @return this
     */
    public Training lrSchedule(String schedule) {
        this.lrSchedule = Objects.requireNonNull(schedule, "schedule");
        return this;
    }

    /**
     * Tests and saves a checkpoint every this many training batches ({@code --test-freq}).
     *
     * @param batches at least 1
     * @return this
     */
    public Training testFreq(int batches) {
        this.testFreq = batches;
        return this;
    }

    /**
     * Tests one test batch in rotation (true, the default) or all of them ({@code --test-one}).
     *
     * @param one whether to test one batch per test
     * @return this
     */
    public Training testOne(boolean one) {
        this.testOne = one;
        return this;
    }

    /**
     * Tests on 10 views per image ({@code --multiview-test}; cifar-cropped nets only).
     *
     * @param on whether to test on 10 views
     * @return this
     */
    public Training multiviewTest(boolean on) {
        this.multiviewTest = on;
        return this;
    }

    /**
     * Where a fresh run writes its checkpoints: {@code savePath/saveName}, which must be missing or
     * empty. A resumed run saves beside the checkpoint it loaded and ignores this.
     *
     * @param savePath the parent directory ({@code --save-path})
     * @param saveName the run directory's name
     * @return this
     */
    public Training saveTo(Path savePath, String saveName) {
        this.savePath = Objects.requireNonNull(savePath, "savePath");
        this.saveName = Objects.requireNonNull(saveName, "saveName");
        return this;
    }

    /**
     * Receives every metric record as it is logged to {@code metrics.jsonl}: a {@link TrainMetric}
     * after each batch, a {@link TestMetric} after each test; on the training thread, so it should
     * return quickly. An exception it throws ends the run.
     *
     * @param listener the receiver
     * @return this
     */
    public Training onMetric(Consumer<Metric> listener) {
        this.listener = Objects.requireNonNull(listener, "listener");
        return this;
    }

    /**
     * Where {@code jconvnet train}'s output goes: results (one line per batch, the tests) to
     * {@code out}, notes to {@code err}. By default both are discarded.
     *
     * @param out results
     * @param err notes
     * @return this
     */
    public Training output(PrintStream out, PrintStream err) {
        this.out = Objects.requireNonNull(out, "out");
        this.err = Objects.requireNonNull(err, "err");
        return this;
    }

    Integer epochs() {
        return epochs;
    }

    Integer testFreq() {
        return testFreq;
    }

    String lrSchedule() {
        return lrSchedule;
    }

    Boolean testOne() {
        return testOne;
    }

    Boolean multiviewTest() {
        return multiviewTest;
    }

    Path savePath() {
        return savePath;
    }

    String saveName() {
        return saveName;
    }

    Consumer<Metric> listener() {
        return listener;
    }

    PrintStream out() {
        return out;
    }

    PrintStream err() {
        return err;
    }

    private static PrintStream quiet() {
        return new PrintStream(OutputStream.nullOutputStream());
    }
}
