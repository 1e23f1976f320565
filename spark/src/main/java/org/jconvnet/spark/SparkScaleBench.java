package org.jconvnet.spark;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.jconvnet.api.backend.Backend;
import org.jconvnet.api.backend.BackendConfig;
import org.jconvnet.api.backend.BackendRegistry;
import org.jconvnet.api.backend.BackendSelector;
import org.jconvnet.api.layer.LayerPluginRegistry;
import org.jconvnet.layers.net.Net;
import org.jconvnet.train.LocalMinibatchTrainer;
import org.jconvnet.train.MinibatchTrainer;
import org.jconvnet.train.ResolvedRun;
import org.jconvnet.train.TrainOptions;
import org.jconvnet.train.data.Minibatches;
import org.jconvnet.train.data.Minibatches.Minibatch;
import org.jconvnet.train.data.ServeMode;
import org.jconvnet.train.data.ServedBatch;
import org.jconvnet.train.distributed.DistributedOptions;
import org.jconvnet.train.distributed.DistributedRun;
import org.jconvnet.train.solver.SgdSolver;

/**
 * Measures what data-parallel training on Spark costs per step, for {@code docs/scale-out.md}:
 * images/s of the single-machine trainer and of Spark with each worker count, the compute of one
 * worker's shard alone (the single-machine trainer on 128/N cases) and the synchronisation
 * overhead of one round = Spark's step time minus that shard compute (broadcast of the weights,
 * task launch, shipping the shards and the gradients, the reduce tree, the driver's update).
 *
 * <pre>
 * scripts/spark-scale-bench.sh [--master local[2]] [--workers 1,2] [--layer-def NET] [--mini 128]
 *                              [--steps 10] [--warmup 3] [--backend ID]
 * </pre>
 *
 * The embedded synthetic data set, float32, the seed net by default. Prints a table on stdout.
 */
public final class SparkScaleBench {
    private SparkScaleBench() {
    }

    /** Runs the measurement; see the class comment. */
    public static void main(String[] args) {
        String master = "local[2]";
        List<Integer> workers = List.of(1, 2);
        String layerDef = "layers-conv-local-11pct";
        int mini = 128;
        int steps = 10;
        int warmup = 3;
        String backendId = null;
        for (int i = 0; i + 1 < args.length; i += 2) {
            String v = args[i + 1];
            switch (args[i]) {
                case "--master" -> master = v;
                case "--workers" -> workers = Arrays.stream(v.split(",")).map(String::strip).map(Integer::valueOf).toList();
                case "--layer-def" -> layerDef = v;
                case "--mini" -> mini = Integer.parseInt(v);
                case "--steps" -> steps = Integer.parseInt(v);
                case "--warmup" -> warmup = Integer.parseInt(v);
                case "--backend" -> backendId = v;
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        PrintStream out = System.out;
        ClassLoader loader = SparkScaleBench.class.getClassLoader();
        LayerPluginRegistry plugins = LayerPluginRegistry.discover(loader);
        ResolvedRun run = ResolvedRun.resolve(TrainOptions.builder().layerDef(layerDef).mini(mini).seed(1L)
                .backend(backendId).dtype("float32").build(), false, plugins, w -> System.err.println("warning: " + w));
        BackendSelector.Choice choice = new BackendSelector(BackendRegistry.discover(loader)).choose(backendId);
        try (Backend backend = choice.provider().create(BackendConfig.defaults().withPluginLoader(loader))) {
            ServedBatch batch = run.provider().serve(run.source().batch(run.trainRange().get(0)), ServeMode.TRAIN, 1);
            List<Minibatch> mbs = new ArrayList<>();
            for (Minibatches it = new Minibatches(batch, Math.min(mini, batch.numCases())); it.hasNext(); ) {
                mbs.add(it.next());
            }
            Minibatch full = mbs.get(0);
            out.printf(Locale.ROOT, "net %s, minibatch %d, backend %s (%s), %d timed steps after %d warm-up, Spark master %s%n",
                    layerDef, full.numCases(), backend.id(), backend.deviceName(), steps, warmup, master);
            long params = 0;
            try (Net net = new Net(run.def(), backend, run.dtype())) {
                net.initParams(1);
                for (var p : net.parameters()) {
                    params += p.spec().size();
                }
            }
            out.printf(Locale.ROOT, "parameters %d: %.1f MB of float32 gradients per worker per round (the same again for the weights broadcast)%n",
                    params, 4.0 * params / 1e6);
            out.printf(Locale.ROOT, "%-26s %10s %10s %16s %18s%n", "mode", "img/s", "ms/step", "shard ms/step", "sync overhead ms");
            double local = timeLocal(run, backend, full, full.numCases(), steps, warmup);
            out.printf(Locale.ROOT, "%-26s %10.1f %10.1f %16s %18s%n", "single machine", full.numCases() / local * 1e3, local, "-", "-");
            for (int n : workers) {
                int shard = full.numCases() / n;
                double shardMs = timeLocal(run, backend, full, shard, steps, warmup);
                double sparkMs = timeSpark(run, backend, full, master, n, steps, warmup);
                out.printf(Locale.ROOT, "%-26s %10.1f %10.1f %16.1f %18.1f%n", "spark, " + n + " worker" + (n > 1 ? "s" : ""),
                        full.numCases() / sparkMs * 1e3, sparkMs, shardMs, sparkMs - shardMs);
            }
        }
    }

    /** Median ms of one single-machine step on the first {@code cases} cases of {@code mb}. */
    private static double timeLocal(ResolvedRun run, Backend backend, Minibatch mb, int cases, int steps, int warmup) {
        Minibatch part = new Minibatch(0, cases, cut(mb, cases));
        try (Net net = new Net(run.def(), backend, run.dtype()); SgdSolver solver = new SgdSolver(net)) {
            net.initParams(1);
            return median(new LocalMinibatchTrainer(net, solver), part, steps, warmup);
        }
    }

    /** Median ms of one Spark round with {@code workers} workers on {@code mb}. */
    private static double timeSpark(ResolvedRun run, Backend backend, Minibatch mb, String master, int workers, int steps,
                                    int warmup) {
        try (Net net = new Net(run.def(), backend, run.dtype()); SgdSolver solver = new SgdSolver(net);
             MinibatchTrainer spark = new SparkMinibatchTrainer(DistributedOptions.spark(master, workers, 1),
                     new DistributedRun(run, net, solver, System.err))) {
            net.initParams(1);
            return median(spark, mb, steps, warmup);
        }
    }

    private static double median(MinibatchTrainer trainer, Minibatch mb, int steps, int warmup) {
        double[] ms = new double[steps];
        for (int i = 0; i < warmup + steps; i++) {
            long t0 = System.nanoTime();
            trainer.train(List.of(mb), 0.0, 1.0, m -> "bench step");
            if (i >= warmup) {
                ms[i - warmup] = (System.nanoTime() - t0) / 1e6;
            }
        }
        Arrays.sort(ms);
        return ms[steps / 2];
    }

    /** The first {@code cases} columns of a minibatch's matrices (case index fastest). */
    private static java.util.Map<Integer, double[]> cut(Minibatch mb, int cases) {
        java.util.Map<Integer, double[]> out = new java.util.HashMap<>();
        for (var e : mb.data().entrySet()) {
            int rows = e.getValue().length / mb.numCases();
            double[] v = new double[rows * cases];
            for (int d = 0; d < rows; d++) {
                System.arraycopy(e.getValue(), d * mb.numCases(), v, d * cases, cases);
            }
            out.put(e.getKey(), v);
        }
        return out;
    }
}
