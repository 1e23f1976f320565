package org.jconvnet.spark;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jconvnet.train.TrainOptions;
import org.jconvnet.train.TrainingJob;
import org.jconvnet.train.checkpoint.Checkpoint;
import org.jconvnet.train.checkpoint.CheckpointReader;
import org.jconvnet.train.checkpoint.SavedParam;
import org.jconvnet.train.data.CifarBatchReader;
import org.jconvnet.train.data.SyntheticCifar;
import org.jconvnet.train.distributed.DistributedOptions;

/**
 * Training runs of the tiny net on small synthetic CIFAR batches, on one machine or on Spark in
 * local mode, and the parameters they end with.
 */
final class SparkRuns {
    /** Cases per training batch: five minibatches of 128. */
    static final int BATCH = 640;

    final Path data;
    final Path net;
    final Path saves;
    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private int runs;

    /** Writes training batches 1-3 of {@value #BATCH} images and a test batch under {@code dir}. */
    SparkRuns(Path dir) throws IOException {
        data = dir.resolve("data");
        SyntheticCifar s = new SyntheticCifar(3, BATCH, 200);
        Files.createDirectories(data);
        for (int k = 1; k <= 3; k++) {
            Files.write(data.resolve("data_batch_" + k + ".bin"), CifarBatchReader.encode(s.batch(k)));
        }
        Files.write(data.resolve("test_batch.bin"), CifarBatchReader.encode(s.batch(6)));
        Path nets = dir.resolve("nets");
        Files.createDirectories(nets);
        net = nets.resolve("layers-tiny.cfg");
        Files.copy(resource("layers-tiny.cfg"), net);
        // The shipped rates drive the tiny net's cost to infinity within a few dozen steps on these
        // images (train's TinyData says the same); on that path any rounding difference grows
        // without bound. Smaller rates keep the runs in the regime where training is stable.
        Files.writeString(nets.resolve("layer-params-tiny.cfg"), Files.readString(resource("layer-params-tiny.cfg"))
                .replaceAll("epsW=[0-9.]+", "epsW=0.0003"));
        saves = dir.resolve("saves");
    }

    private static Path resource(String name) {
        try {
            return Path.of(SparkRuns.class.getResource("/nets/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The options of a run from a fresh net, minibatches of 128: batches 1-3 in turn (5
     * minibatches each), {@code epochs} epochs and the stop rule's extra batch (epochs 1: 4
     * batches, 20 steps), a test and checkpoint every 2 batches.
     */
    TrainOptions.Builder options(String dtype, int epochs) {
        return TrainOptions.builder().dataPath(data).layerDef(net.toString()).trainRange("1-3").testRange("6")
                .mini(128).epochs(epochs).testFreq(2).seed(7L).backend("cpu").dtype(dtype).savePath(saves)
                .saveName("run" + (++runs));
    }

    /** A job printing into this object's buffers. */
    TrainingJob job() {
        return TrainingJob.withDiscoveredBackends(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    /** Trains on this machine; returns the run directory. */
    Path single(TrainOptions options) {
        return job().train(options).saveDir();
    }

    /** Trains on Spark {@code master} with {@code workers} workers. */
    Path spark(TrainOptions options, String master, int workers, int syncEvery) {
        return job().train(options, DistributedOptions.spark(master, workers, syncEvery)).saveDir();
    }

    /** Every parameter of the run's latest checkpoint, by {@code layer.param}. */
    static Map<String, double[]> params(Path runDir) {
        Checkpoint cp = CheckpointReader.loadLatest(runDir, w -> { });
        Map<String, double[]> m = new LinkedHashMap<>();
        for (SavedParam p : cp.params()) {
            m.put(p.layer() + "." + p.param(), p.values());
            m.put(p.layer() + "." + p.param() + ".inc", p.momentum());
        }
        return m;
    }

    /** The largest |a-b| over every parameter and momentum value. */
    static double maxDiff(Map<String, double[]> a, Map<String, double[]> b) {
        double worst = 0;
        for (Map.Entry<String, double[]> e : a.entrySet()) {
            double[] x = e.getValue();
            double[] y = b.get(e.getKey());
            for (int k = 0; k < x.length; k++) {
                worst = Math.max(worst, Math.abs(x[k] - y[k]));
            }
        }
        return worst;
    }

    /** The largest |value| over every parameter (not momentum), the scale the differences are read against. */
    static double maxAbs(Map<String, double[]> a) {
        double m = 0;
        for (Map.Entry<String, double[]> e : a.entrySet()) {
            if (!e.getKey().endsWith(".inc")) {
                for (double v : e.getValue()) {
                    m = Math.max(m, Math.abs(v));
                }
            }
        }
        return m;
    }
}
