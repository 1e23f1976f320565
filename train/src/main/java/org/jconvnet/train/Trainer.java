package org.jconvnet.train;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jconvnet.layers.net.Net;
import org.jconvnet.train.data.BatchRange;
import org.jconvnet.train.data.Minibatches;
import org.jconvnet.train.data.ServeMode;
import org.jconvnet.train.data.ServedBatch;
import org.jconvnet.train.metrics.Metric;
import org.jconvnet.train.metrics.TestMetric;
import org.jconvnet.train.metrics.TrainMetric;
import org.jconvnet.train.run.StopSignal;
import org.jconvnet.train.run.TrainingStopped;
import org.jconvnet.train.solver.LrSchedule;
import org.jconvnet.train.solver.Solver;

/**
 * cuda-convnet's training loop (cuda-convnet.md §5):
 * <ul>
 *   <li>the training batches are visited in range order, cyclically; the epoch counts wraps;</li>
 *   <li>each batch is split into minibatches of {@code --mini} in stored order (the last one
 *       shorter), and each minibatch runs forward, backward and {@code solver.step(progress)};
 *       progress = (index of this batch, 1-based) / (epochs x batches per epoch), as cuda-convnet2
 *       computes it for its learning-rate schedules;</li>
 *   <li>every learning rate is multiplied by the {@code --lr-schedule} factor of the batch's epoch
 *       ({@link LrSchedule}; 1 without a schedule), recorded in each metrics record;</li>
 *   <li>the batch's training cost is the sum of its minibatch costs, each measured before its
 *       own update, divided by the batch's cases;</li>
 *   <li>every {@code --test-freq} batches (counted as cuda-convnet does, from epoch and batch
 *       number) the test range is run forward ({@code --test-one}: the next test batch in
 *       rotation) and a checkpoint is saved;</li>
 *   <li>stop rule: the loop runs while the epoch of the last trained batch is at most
 *       {@code --epochs}, so it trains one batch into epoch {@code epochs+1} before stopping —
 *       cuda-convnet.md §10.11, reproduced deliberately. Unlike cuda-convnet, a final test
 *       and checkpoint follow when the last batch was not just tested, so no training is lost.</li>
 * </ul>
 * A cropped provider draws its crops from a generator seeded by (seed, epoch, batch), so a run
 * and its resumption see exactly the crops an uninterrupted run would.
 *
 * <p>Safety: every minibatch's cost is checked ({@link DivergenceGuard}); a NaN or infinite one
 * stops the run before its update, naming the layer and the minibatch, and nothing is saved after
 * it. A stop request ({@link StopSignal}, SIGINT/SIGTERM) is honoured after the current minibatch:
 * the rest of the batch is abandoned, the batch is recorded with the cases it trained, a
 * checkpoint is saved and {@link TrainingStopped} says where.
 *
 * <p>Output: one result line per batch on {@code out} ({@code 1.2... logprob:  2.302585, 0.900000
 * (160 cases, 1.234 sec, ...)}) and the test summaries; on {@code err} a progress bar redrawn in
 * place while the batch runs, only when {@code err} is a terminal.
 */
public final class Trainer {
    /** Evaluates one test batch: its cost sums over its cases. */
    @FunctionalInterface
    public interface BatchTester {
        /** Tests batch {@code batchNum} with the net as it stands. */
        CostSums test(int batchNum);
    }

    /** What the trainer needs saved at each test: the position and the metrics so far. */
    @FunctionalInterface
    public interface Saver {
        /** Saves a checkpoint after batch {@code batchNum} of {@code epoch} and returns its directory. */
        Path save(int epoch, int batchNum, long batchesDone, List<Metric> metrics);

        /** The directory of the newest checkpoint of the run (saved or resumed from), or null. */
        default Path latest() {
            return null;
        }
    }

    private final MinibatchTrainer steps;
    private final TrainerConfig config;
    private final BatchRange trainRange;
    private final BatchRange testRange;
    private final int testFreq;
    private final BatchTester tester;
    private final MetricsLog metrics;
    private final Saver saver;
    private final TrainingEnvironment env;
    private final PrintStream out;
    private final PrintStream err;
    private int testCursor;
    private double secondsTraining;
    private long batchesThisRun;

    /**
     * @param net     the net, parameters already initialised or restored
     * @param solver  the update rule, bound to {@code net}, its state already restored on resume
     * @param config  batches, schedule and seed
     * @param tester  evaluates one test batch (plainly or multiview)
     * @param metrics the metrics log (with any history)
     * @param saver   saves checkpoints
     * @param env     whether to draw progress bars, and the stop signal to honour
     * @param out     per-batch results and test summaries
     * @param err     progress bars
     */
    public Trainer(Net net, Solver solver, TrainerConfig config, BatchTester tester, MetricsLog metrics, Saver saver,
                   TrainingEnvironment env, PrintStream out, PrintStream err) {
        this(new LocalMinibatchTrainer(net, solver), config, tester, metrics, saver, env, out, err);
    }

    /**
     * A trainer whose minibatches are trained by {@code steps} (on this machine or on a cluster);
     * everything else is as with the other constructor. {@code steps} leaves the updated
     * parameters in the net that {@code tester} and {@code saver} read.
     *
     * @param steps trains the minibatches
     */
    public Trainer(MinibatchTrainer steps, TrainerConfig config, BatchTester tester, MetricsLog metrics,
                   Saver saver, TrainingEnvironment env, PrintStream out, PrintStream err) {
        this.steps = steps;
        this.config = config;
        this.trainRange = config.trainRange();
        this.testRange = config.testRange();
        this.testFreq = Math.max(1, config.testFreq());
        this.tester = tester;
        this.metrics = metrics;
        this.saver = saver;
        this.env = env;
        this.out = out;
        this.err = err;
        this.testCursor = config.testOne() ? rotationAfter(metrics.records(), testRange) : 0;
    }

    /**
     * Where the {@code --test-one} rotation stands after a run's history: just past the batch of
     * the last single-batch test whose batch is still in the test range, else at the start. So a
     * resumed run tests the batch the interrupted one would have tested next.
     */
    static int rotationAfter(List<Metric> history, BatchRange testRange) {
        for (int i = history.size() - 1; i >= 0; i--) {
            if (history.get(i) instanceof TestMetric t) {
                if (t.testBatches() == null || t.testBatches().size() != 1) {
                    return 0;
                }
                int at = testRange.batches().indexOf(t.testBatches().get(0));
                return at < 0 ? 0 : (at + 1) % testRange.size();
            }
        }
        return 0;
    }

    /** cuda-convnet's batch count for (epoch, batch): {@code (epoch-1)*batches + index + 1}. */
    public long batchesDone(int epoch, int batchNum) {
        return (long) (epoch - 1) * trainRange.size() + trainRange.batches().indexOf(batchNum) + 1;
    }

    /** Total batches of the run for learning-rate progress: epochs x batches per epoch. */
    public long totalBatches() {
        return (long) config.epochs() * trainRange.size();
    }

    /** The crop seed of one served training batch. */
    static long cropSeed(long seed, int epoch, int batchNum) {
        long h = seed * 0x9E3779B97F4A7C15L + epoch * 0xBF58476D1CE4E5B9L + batchNum * 0x94D049BB133111EBL;
        return h ^ (h >>> 31);
    }

    /**
     * Trains from the position after ({@code lastEpoch}, {@code lastBatch}); pass
     * {@code lastBatch = -1} to start at epoch 1 with the first batch of the range.
     *
     * @return the number of batches trained in this call
     */
    public long run(int lastEpoch, int lastBatch) {
        int epoch;
        int idx;
        if (lastBatch < 0) {
            epoch = 1;
            idx = 0;
            lastEpoch = 1;
        } else {
            int at = trainRange.batches().indexOf(lastBatch);
            if (at < 0) {
                throw new org.jconvnet.api.JConvNetException("the checkpoint's last batch " + lastBatch
                        + " is not in --train-range=" + trainRange);
            }
            idx = at + 1;
            epoch = lastEpoch;
            if (idx == trainRange.size()) {
                idx = 0;
                epoch++;
            }
        }
        int doneEpoch = lastEpoch;
        int doneBatch = lastBatch;
        boolean testedLast = true;
        while (doneEpoch <= config.epochs()) {
            if (env.stop().requested()) {
                throw stopped(doneEpoch, doneBatch, testedLast ? null : saver.save(doneEpoch, doneBatch,
                        batchesDone(doneEpoch, doneBatch), metrics.records()), "");
            }
            int batchNum = trainRange.get(idx);
            int[] trained = trainBatch(epoch, batchNum);
            doneEpoch = epoch;
            doneBatch = batchNum;
            long done = batchesDone(epoch, batchNum);
            if (trained[0] < trained[1]) {
                throw stopped(epoch, batchNum, saver.save(epoch, batchNum, done, metrics.records()),
                        " (" + trained[0] + " of its " + trained[1] + " images trained; a resumed run goes on with the next batch)");
            }
            testedLast = done % testFreq == 0;
            if (testedLast) {
                testAndSave(epoch, batchNum, done);
            }
            if (++idx == trainRange.size()) {
                idx = 0;
                epoch++;
            }
        }
        if (!testedLast && doneBatch >= 0) {
            testAndSave(doneEpoch, doneBatch, batchesDone(doneEpoch, doneBatch));
        }
        return batchesThisRun;
    }

    /** The stop after batch {@code epoch.batchNum}: where its checkpoint is (null: the latest one already holds it). */
    private TrainingStopped stopped(int epoch, int batchNum, Path saved, String partly) {
        String at = "stopped on request after batch " + epoch + "." + batchNum + partly;
        Path latest = saved != null ? saved : saver.latest();
        if (batchNum < 0 || latest == null) {
            return new TrainingStopped("stopped on request before the first batch; nothing was trained or saved");
        }
        return new TrainingStopped(at + (saved != null ? "; saved checkpoint " : "; its checkpoint is ") + latest
                + "; resume with -f " + latest.getParent());
    }

    /**
     * Trains one batch, minibatch by minibatch, until its end or a stop request.
     *
     * @return {cases trained, cases in the batch}
     */
    private int[] trainBatch(int epoch, int batchNum) {
        ServedBatch batch = config.provider().serve(config.source().batch(batchNum), ServeMode.TRAIN,
                cropSeed(config.seed(), epoch, batchNum));
        long done = batchesDone(epoch, batchNum);
        double progress = Math.min(1.0, done / (double) totalBatches());
        double rateFactor = config.schedule().factorAt(epoch);
        String label = epoch + "." + batchNum;
        ProgressBar bar = new ProgressBar(err, label, batch.numCases(), env.progressBar());
        CostSums sums = new CostSums();
        int count = (batch.numCases() + config.mini() - 1) / config.mini();
        int trained = 0;
        long t0 = System.nanoTime();
        int perCall = Math.max(1, steps.minibatchesPerCall());
        for (Minibatches mbs = new Minibatches(batch, config.mini()); mbs.hasNext(); ) {
            List<Minibatches.Minibatch> group = new ArrayList<>(perCall);
            while (group.size() < perCall && mbs.hasNext()) {
                group.add(mbs.next());
            }
            List<Map<String, double[]>> costs = steps.train(group, progress, rateFactor, mb -> "minibatch "
                    + (mb.start() / config.mini() + 1) + " of " + count + " (cases " + mb.start() + "-"
                    + (mb.start() + mb.numCases() - 1) + ") of batch " + label);
            for (int k = 0; k < group.size(); k++) {
                sums.add(costs.get(k), group.get(k).numCases());
            }
            Minibatches.Minibatch last = group.get(group.size() - 1);
            double secs = (System.nanoTime() - t0) / 1e9;
            trained = last.start() + last.numCases();
            bar.update(trained, sums.format() + String.format(Locale.ROOT, " | %.1f img/s", trained / secs), false);
            if (mbs.hasNext() && env.stop().requested()) {
                break;
            }
        }
        double secs = (System.nanoTime() - t0) / 1e9;
        secondsTraining += secs;
        batchesThisRun++;
        long remaining = Math.max(0, totalBatches() + 1 - done);
        double eta = secondsTraining / batchesThisRun * remaining;
        bar.clear();
        out.println(label + "... " + sums.format() + String.format(Locale.ROOT, " (%d cases, %.3f sec, %.1f img/s, run ETA %s%s)",
                trained, secs, trained / secs, ProgressBar.formatSeconds(eta),
                config.schedule().isEmpty() ? "" : ", lr x" + LrSchedule.formatFactor(rateFactor))
                + (trained < batch.numCases() ? " stopped on request after " + trained + " of " + batch.numCases() + " images" : ""));
        out.flush();
        metrics.add(new TrainMetric(epoch, batchNum, done, sums.cases(), sums.means(), Instant.now().toString(), secs,
                trained / secs, progress, rateFactor));
        return new int[] {trained, batch.numCases()};
    }

    private void testAndSave(int epoch, int batchNum, long done) {
        List<Integer> batches = new ArrayList<>();
        if (config.testOne()) {
            batches.add(testRange.get(testCursor++ % testRange.size()));
        } else {
            batches.addAll(testRange.batches());
        }
        long t0 = System.nanoTime();
        CostSums sums = new CostSums();
        for (int b : batches) {
            sums.add(tester.test(b));
        }
        double secs = (System.nanoTime() - t0) / 1e9;
        out.println("======================Test output======================");
        out.println(String.format(Locale.ROOT, "%d.%d test on batch%s %s: %s (%d cases, %.2f sec)", epoch, batchNum,
                batches.size() > 1 ? "es" : "", batches, sums.format(), sums.cases(), secs));
        out.flush();
        metrics.add(new TestMetric(epoch, batchNum, done, sums.cases(), sums.means(), Instant.now().toString(),
                List.copyOf(batches), secs, config.schedule().factorAt(epoch)));
        saver.save(epoch, batchNum, done, metrics.records());
    }
}
