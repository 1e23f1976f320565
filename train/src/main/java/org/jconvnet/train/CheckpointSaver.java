package org.jconvnet.train;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import org.jconvnet.api.JConvNetException;
import org.jconvnet.layers.net.Net;
import org.jconvnet.train.checkpoint.Checkpoint;
import org.jconvnet.train.checkpoint.CheckpointFs;
import org.jconvnet.train.checkpoint.CheckpointWriter;
import org.jconvnet.train.checkpoint.NetParams;
import org.jconvnet.train.checkpoint.SavedParam;
import org.jconvnet.train.metrics.Metric;
import org.jconvnet.train.run.DivergenceGuard;

/**
 * Saves the model of a run as a crash-safe checkpoint at each test (and when a stop is requested):
 * refuses a snapshot with a non-finite value ({@link DivergenceGuard}), writes atomically with
 * {@link CheckpointWriter}, and remembers the last committed one, which every error names.
 */
final class CheckpointSaver implements Trainer.Saver {
    private final ResolvedRun run;
    private final Net net;
    private final org.jconvnet.train.solver.Solver solver;
    private final CheckpointWriter writer;
    private final PrintStream out;
    private String latest;
    private int epoch;
    private int batchNum;

    CheckpointSaver(ResolvedRun run, Net net, org.jconvnet.train.solver.Solver solver, CheckpointFs fs, PrintStream out) {
        this.run = run;
        this.net = net;
        this.solver = solver;
        this.writer = new CheckpointWriter(fs, 1);
        this.out = out;
        this.latest = run.checkpoint().map(Checkpoint::name).orElse(null);
        this.epoch = run.checkpoint().map(Checkpoint::epoch).orElse(1);
        this.batchNum = run.checkpoint().map(Checkpoint::batchNum).orElse(-1);
    }

    @Override
    public Path save(int epoch, int batchNum, long done, List<Metric> records) {
        List<SavedParam> params = NetParams.snapshot(run.def(), net, solver);
        DivergenceGuard.requireFinite(params, "batch " + epoch + "." + batchNum);
        Checkpoint cp = new Checkpoint(epoch, batchNum, done, run.dtype(), run.layerDef().name(), run.layerDef().text(),
                run.layerParams().name(), run.layerParams().text(), run.savedOptions(), records, run.mean(), params);
        Path dir;
        try {
            dir = writer.write(run.saveDir(), cp);
        } catch (IOException e) {
            String cause = e.getMessage() != null ? e.getMessage() : e.toString();
            throw new JConvNetException("cannot save checkpoint " + cp.name() + " in " + run.saveDir() + ": " + cause + "; "
                    + latestNote(), e);
        }
        out.println("saved checkpoint " + dir);
        out.flush();
        latest = cp.name();
        this.epoch = epoch;
        this.batchNum = batchNum;
        return dir;
    }

    @Override
    public Path latest() {
        return latest == null ? null : run.saveDir().resolve(latest);
    }

    /** Where the run stands: the last saved (or loaded) position. */
    int epoch() {
        return epoch;
    }

    /** The batch of the last saved (or loaded) position; -1 when none. */
    int batchNum() {
        return batchNum;
    }

    /** Which checkpoint stays the latest, for messages about a failed or refused save. */
    String latestNote() {
        return latest == null ? "no checkpoint of this run has been saved"
                : "the latest checkpoint is still " + run.saveDir().resolve(latest) + " (intact)";
    }
}
