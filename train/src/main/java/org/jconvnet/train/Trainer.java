package org.jconvnet.train;

import java.io.PrintStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jconvnet.api.layer.PassMode;
import org.jconvnet.layers.net.Net;
import org.jconvnet.train.data.BatchRange;
import org.jconvnet.train.data.BatchSource;
import org.jconvnet.train.data.DataProvider;
import org.jconvnet.train.data.Minibatches;
import org.jconvnet.train.data.ServeMode;
import org.jconvnet.train.data.ServedBatch;
import org.jconvnet.train.solver.Solver;

/**
 * cuda-convnet's training loop (cuda-convnet.md §5):
 * <ul>
 *   <li>the training batches are visited in range order, cyclically; the epoch counts wraps;</li>
 *   <li>each batch is split into minibatches of {@code --mini} in stored order (the last one
 *       shorter), and each minibatch runs forward, backward and {@code solver.step(progress)};
 *       progress = (index of this batch, 1-based) / (epochs x batches per epoch), as cuda-convnet2
 *       computes it for its learning-rate schedules;</li>
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
        /** Saves a checkpoint after batch {@code batchNum} of {@code epoch}. */
        void save(int epoch, int batchNum, long batchesDone, List<Map<String, Object>> metrics);
    }

    private final Net net;
    private final Solver solver;
    private final DataProvider provider;
    private final BatchSource source;
    private final BatchRange trainRange;
    private final BatchRange testRange;
    private final int mini;
    private final int testFreq;
    private final int epochs;
    private final boolean testOne;
    private final BatchTester tester;
    private final long seed;
    private final MetricsLog metrics;
    private final Saver saver;
    private final PrintStream out;
    private final PrintStream err;
    private int testCursor;
    private double secondsTraining;
    private long batchesThisRun;

    /**
     * @param net        the net, parameters already initialised or restored
     * @param solver     the update rule, bound to {@code net}, its state already restored on resume
     * @param provider   serves the batches
     * @param source     holds the batches
     * @param trainRange training batches
     * @param testRange  test batches
     * @param mini       minibatch size
     * @param testFreq   test every this many batches
     * @param epochs     the last epoch to train (plus quirk 11's extra batch)
     * @param testOne    test one batch in rotation rather than all
     * @param tester     evaluates one test batch (plainly or multiview)
     * @param seed       seeds the crops
     * @param metrics    the metrics log (with any history)
     * @param saver      saves checkpoints
     * @param out        test summaries
     * @param err        progress bars
     */
    public Trainer(Net net, Solver solver, DataProvider provider, BatchSource source, BatchRange trainRange, BatchRange testRange,
                   int mini, int testFreq, int epochs, boolean testOne, BatchTester tester, long seed, MetricsLog metrics,
                   Saver saver,
                   PrintStream out, PrintStream err) {
        this.net = net;
        this.solver = solver;
        this.provider = provider;
        this.source = source;
        this.trainRange = trainRange;
        this.testRange = testRange;
        this.mini = mini;
        this.testFreq = Math.max(1, testFreq);
        this.epochs = epochs;
        this.testOne = testOne;
        this.tester = tester;
        this.seed = seed;
        this.metrics = metrics;
        this.saver = saver;
        this.out = out;
        this.err = err;
        this.testCursor = testOne ? rotationAfter(metrics.records(), testRange) : 0;
    }

    /**
     * Where the {@code --test-one} rotation stands after a run's history: just past the batch of
     * the last single-batch test whose batch is still in the test range, else at the start. So a
     * resumed run tests the batch the interrupted one would have tested next.
     */
    static int rotationAfter(List<Map<String, Object>> history, BatchRange testRange) {
        for (int i = history.size() - 1; i >= 0; i--) {
            Map<String, Object> r = history.get(i);
            if (!"test".equals(r.get("type"))) {
                continue;
            }
            Object tested = r.get("testBatches");
            if (tested instanceof List<?> && ((List<?>) tested).size() == 1 && ((List<?>) tested).get(0) instanceof Number) {
                int at = testRange.batches().indexOf(((Number) ((List<?>) tested).get(0)).intValue());
                return at < 0 ? 0 : (at + 1) % testRange.size();
            }
            return 0;
        }
        return 0;
    }

    /** cuda-convnet's batch count for (epoch, batch): {@code (epoch-1)*batches + index + 1}. */
    public long batchesDone(int epoch, int batchNum) {
        return (long) (epoch - 1) * trainRange.size() + trainRange.batches().indexOf(batchNum) + 1;
    }

    /** Total batches of the run for learning-rate progress: epochs x batches per epoch. */
    public long totalBatches() {
        return (long) epochs * trainRange.size();
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
        while (doneEpoch <= epochs) {
            int batchNum = trainRange.get(idx);
            trainBatch(epoch, batchNum);
            doneEpoch = epoch;
            doneBatch = batchNum;
            long done = batchesDone(epoch, batchNum);
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

    private void trainBatch(int epoch, int batchNum) {
        ServedBatch batch = provider.serve(source.batch(batchNum), ServeMode.TRAIN, cropSeed(seed, epoch, batchNum));
        long done = batchesDone(epoch, batchNum);
        double progress = Math.min(1.0, done / (double) totalBatches());
        ProgressBar bar = new ProgressBar(err, epoch + "." + batchNum, batch.numCases());
        CostSums sums = new CostSums();
        long t0 = System.nanoTime();
        for (Minibatches mbs = new Minibatches(batch, mini); mbs.hasNext(); ) {
            Minibatches.Minibatch mb = mbs.next();
            int n = mb.numCases();
            Map<String, double[]> costs = net.forward(mb.data(), n, PassMode.TRAIN);
            sums.add(costs, n);
            net.backward();
            solver.step(progress);
            double secs = (System.nanoTime() - t0) / 1e9;
            int trained = mb.start() + n;
            bar.update(trained, sums.format() + String.format(Locale.ROOT, " | %.1f img/s", trained / secs), false);
        }
        double secs = (System.nanoTime() - t0) / 1e9;
        secondsTraining += secs;
        batchesThisRun++;
        long remaining = Math.max(0, totalBatches() + 1 - done);
        double eta = secondsTraining / batchesThisRun * remaining;
        bar.finish(batch.numCases(), sums.format() + String.format(Locale.ROOT, " (%.3f sec, %.1f img/s, run ETA %s)",
                secs, batch.numCases() / secs, ProgressBar.formatSeconds(eta)));
        Map<String, Object> r = record("train", epoch, batchNum, done, sums);
        r.put("seconds", secs);
        r.put("imagesPerSec", batch.numCases() / secs);
        r.put("progress", progress);
        metrics.add(r);
    }

    private void testAndSave(int epoch, int batchNum, long done) {
        List<Integer> batches = new ArrayList<>();
        if (testOne) {
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
        Map<String, Object> r = record("test", epoch, batchNum, done, sums);
        List<Object> tb = new ArrayList<>();
        batches.forEach(b -> tb.add((long) b));
        r.put("testBatches", tb);
        r.put("seconds", secs);
        metrics.add(r);
        saver.save(epoch, batchNum, done, metrics.records());
    }

    private static Map<String, Object> record(String type, int epoch, int batchNum, long done, CostSums sums) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("type", type);
        r.put("epoch", (long) epoch);
        r.put("batch", (long) batchNum);
        r.put("batchesDone", done);
        r.put("cases", sums.cases());
        Map<String, Object> costs = new LinkedHashMap<>();
        sums.means().forEach((k, v) -> costs.put(k, new ArrayList<Object>(v)));
        r.put("costs", costs);
        r.put("time", Instant.now().toString());
        return r;
    }
}
