package org.jconvnet.spark;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.apache.spark.SparkConf;
import org.apache.spark.SparkContext;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.jconvnet.api.JConvNetException;
import org.jconvnet.layers.net.Net;
import org.jconvnet.layers.net.Parameter;
import org.jconvnet.train.MinibatchTrainer;
import org.jconvnet.train.ResolvedRun;
import org.jconvnet.train.data.Minibatches.Minibatch;
import org.jconvnet.train.distributed.DistributedOptions;
import org.jconvnet.train.distributed.DistributedRun;
import org.jconvnet.train.run.DivergenceException;
import org.jconvnet.train.solver.Solver;
import scala.Tuple2;

/**
 * The driver's side of data-parallel training on Spark. The driver's net and solver hold the one
 * authoritative state; a round is:
 * <ol>
 *   <li>the driver's weights (and, for local steps, momentum) are broadcast as version v, v being
 *       the number of rounds applied so far (the driver's step counter);</li>
 *   <li>one task per worker (a partition each) gets its shard of the round's minibatches: worker
 *       i of N takes cases {@code [i*n/N, (i+1)*n/N)} of each minibatch of n cases;</li>
 *   <li>each task brings its cached replica to version v and returns its contribution: gradients
 *       summed over its cases (sync every minibatch), or its weights after K local steps;</li>
 *   <li>the contributions are summed by a pairwise tree of {@code reduceByKey} stages (keys
 *       i/2, i/4, ...: every sum adds exactly two operands, and floating-point addition is
 *       commutative, so the result is bit for bit the same whatever order tasks finish in);</li>
 *   <li>the driver applies the one update to its net ({@link Solver#step(double, int, double)} with the
 *       summed gradients over all n cases, exactly the single-machine rule), or sets the
 *       case-weighted average of the weights and momentum, and counts v+1.</li>
 * </ol>
 * A task that dies is retried by Spark from the same broadcast version and shard, so it computes
 * the same contribution; the update happens on the driver after the action returns, once.
 */
public final class SparkMinibatchTrainer implements MinibatchTrainer {
    private final DistributedOptions options;
    private final Net net;
    private final Solver solver;
    private final ReplicaSpec spec;
    private final JavaSparkContext sc;
    private final boolean ownsContext;
    private long version;

    /** Connects to {@code options.master()} (or the context spark-submit configured) for {@code run}. */
    public SparkMinibatchTrainer(DistributedOptions options, DistributedRun run) {
        this.options = options;
        this.net = run.net();
        this.solver = run.solver();
        ResolvedRun r = run.run();
        this.spec = new ReplicaSpec(UUID.randomUUID().toString(), r.layerDef().name(), r.layerDef().text(),
                r.layerParams().name(), r.layerParams().text(), r.provider().imageSize(), r.dtype().label(),
                r.options().backend(), r.seed(), options.syncEvery() > 1);
        SparkConf conf = new SparkConf().setAppName("jconvnet train");
        if (!options.master().isEmpty()) {
            conf.setMaster(options.master());
            this.sc = new JavaSparkContext(SparkContext.getOrCreate(conf));
            this.ownsContext = true;
            if (!sc.master().equals(options.master())) {
                throw new JConvNetException("--spark " + options.master() + ": this JVM already runs a Spark context on "
                        + sc.master());
            }
        } else {
            if (!conf.contains("spark.master")) {
                throw new JConvNetException("no Spark master: give --spark MASTER_URL, or start through spark-submit --master");
            }
            this.sc = new JavaSparkContext(SparkContext.getOrCreate(conf));
            this.ownsContext = false;
        }
        sc.setLogLevel("WARN");
    }

    @Override
    public int minibatchesPerCall() {
        return options.syncEvery();
    }

    @Override
    public String describe() {
        return "; data-parallel on Spark " + sc.master() + " (Spark " + sc.version() + "), " + options.workers()
                + " workers, " + (options.syncEvery() == 1 ? "gradients combined every minibatch"
                : "weights averaged every " + options.syncEvery() + " minibatches");
    }

    /** Rounds applied so far (the driver's weights version). */
    public long version() {
        return version;
    }

    @Override
    public List<Map<String, double[]>> train(List<Minibatch> minibatches, double progress, double rateFactor,
                                             Function<Minibatch, String> where) {
        Snapshot snap = snapshot();
        Broadcast<Snapshot> bc = sc.broadcast(snap);
        try {
            List<WorkerTask> tasks = new ArrayList<>(options.workers());
            int roundCases = minibatches.stream().mapToInt(Minibatch::numCases).sum();
            for (int w = 0; w < options.workers(); w++) {
                List<Shard> shards = new ArrayList<>(minibatches.size());
                int mine = 0;
                for (Minibatch mb : minibatches) {
                    int n = mb.numCases();
                    int from = (int) ((long) w * n / options.workers());
                    int to = (int) ((long) (w + 1) * n / options.workers());
                    String label = where.apply(mb) + ", worker " + w + " of " + options.workers();
                    shards.add(Shard.cut(mb.data(), n, from, to - from, label));
                    mine += to - from;
                }
                tasks.add(new WorkerTask(w, version, shards, mine / (double) roundCases));
            }
            Contribution total = sum(sc.parallelize(tasks, options.workers())
                    .mapPartitionsToPair(new RoundTask(spec, bc, progress, rateFactor)), options.workers());
            if (total.divergence() != null) {
                throw new DivergenceException(total.divergence());
            }
            apply(total, progress, rateFactor);
            version++;
            return total.costs();
        } finally {
            bc.destroy();
        }
    }

    /** The pairwise tree: level by level, workers 2k and 2k+1 are summed under key k. */
    private static Contribution sum(JavaPairRDD<Integer, Contribution> byWorker, int workers) {
        JavaPairRDD<Integer, Contribution> level = byWorker;
        int count = workers;
        while (count > 1) {
            int next = (count + 1) / 2;
            level = level.mapToPair(t -> new Tuple2<>(t._1() / 2, t._2())).reduceByKey(Contribution::plus, next);
            count = next;
        }
        List<Contribution> one = level.values().collect();
        if (one.size() != 1) {
            throw new IllegalStateException("the tree ended with " + one.size() + " contributions, not 1");
        }
        return one.get(0);
    }

    private Snapshot snapshot() {
        List<double[]> w = new ArrayList<>();
        List<double[]> m = options.syncEvery() > 1 ? new ArrayList<>() : null;
        for (Parameter p : net.parameters()) {
            w.add(p.value().download());
            if (m != null) {
                m.add(solver.history(p.layer().name(), p.spec().name()));
            }
        }
        return new Snapshot(version, ParamValues.of(net.dtype(), w), m == null ? null : ParamValues.of(net.dtype(), m));
    }

    private void apply(Contribution total, double progress, double rateFactor) {
        int cases = 0;
        for (int c : total.cases()) {
            cases += c;
        }
        if (total.values() == null || cases == 0) {
            return;
        }
        List<Parameter> params = net.parameters();
        if (options.syncEvery() == 1) {
            for (int i = 0; i < params.size(); i++) {
                params.get(i).grad().upload(total.values().get(i));
            }
            solver.step(progress, cases, rateFactor);
            return;
        }
        ParamValues w = total.values();
        ParamValues m = total.momentum();
        for (int i = 0; i < params.size(); i++) {
            Parameter p = params.get(i);
            p.value().upload(w.get(i));
            solver.setHistory(p.layer().name(), p.spec().name(), m.get(i));
        }
    }

    @Override
    public void close() {
        Replicas.release(spec.jobId());
        if (ownsContext) {
            sc.stop();
        }
    }
}
