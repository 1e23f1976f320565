package org.jconvnet.train;

import java.util.function.Consumer;
import org.jconvnet.train.checkpoint.CheckpointFs;
import org.jconvnet.train.metrics.Metric;
import org.jconvnet.train.run.GracefulStop;
import org.jconvnet.train.run.StopSignal;
import org.jconvnet.train.run.Terminal;

/**
 * What a training job takes from the process it runs in, injectable so that tests can play the
 * terminal, the signal and the full disk.
 *
 * @param progressBar  stderr is a terminal: draw progress bars in place (else no progress output)
 * @param stop         stop requests (SIGINT/SIGTERM) the training loop honours between minibatches
 * @param checkpointFs the file operations checkpoints are written with
 * @param metrics      receives every metric record as it is logged (a train record per batch, a
 *                     test record per test), on the training thread; for code that drives training
 */
public record TrainingEnvironment(boolean progressBar, StopSignal stop, CheckpointFs checkpointFs,
                                  Consumer<Metric> metrics) {

    /** An environment whose metric records go to the log only. */
    public TrainingEnvironment(boolean progressBar, StopSignal stop, CheckpointFs checkpointFs) {
        this(progressBar, stop, checkpointFs, m -> { });
    }

    /** For in-process use: no progress bars, no signal handling, the real file system. */
    public static TrainingEnvironment plain() {
        return new TrainingEnvironment(false, StopSignal.NEVER, CheckpointFs.DURABLE);
    }

    /** For a command-line process: a bar when stderr is a terminal, graceful stop on signals. */
    public static TrainingEnvironment ofProcess() {
        return new TrainingEnvironment(Terminal.stderrIsTerminal(), GracefulStop.process(), CheckpointFs.DURABLE);
    }

    /** The same with bars drawn or not. */
    public TrainingEnvironment withProgressBar(boolean on) {
        return new TrainingEnvironment(on, stop, checkpointFs, metrics);
    }

    /** The same with another stop signal. */
    public TrainingEnvironment withStop(StopSignal s) {
        return new TrainingEnvironment(progressBar, s, checkpointFs, metrics);
    }

    /** The same with another file system for checkpoints. */
    public TrainingEnvironment withCheckpointFs(CheckpointFs fs) {
        return new TrainingEnvironment(progressBar, stop, fs, metrics);
    }

    /** The same with every metric record also handed to {@code listener}. */
    public TrainingEnvironment withMetricsListener(Consumer<Metric> listener) {
        return new TrainingEnvironment(progressBar, stop, checkpointFs, listener);
    }
}
