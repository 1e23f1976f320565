package org.jconvnet.spark;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;

/**
 * The scale-out model of {@code docs/scale-out.md} as a program, so the measured numbers can be
 * filled in: the time of one synchronous data-parallel step on N GPUs and the efficiency against
 * one GPU, for weak scaling (every GPU takes a full minibatch of its own per step).
 *
 * <pre>
 *   T(N)   = t_c + (O + C(N)) / K                 one step, every GPU B cases
 *   C(N)   = (bytes / BW) * (2 + ceil(log2 N))    weights broadcast (1), reduce-tree levels, collect (1)
 *   E(N)   = t_c / T(N)                           efficiency against one GPU with no synchronisation
 *   img/s  = N * B / T(N)
 * </pre>
 *
 * t_c: the compute of one step on one GPU; O: Spark's fixed cost of one round (job and stages
 * scheduled, tasks launched, results serialised), the overhead {@link SparkScaleBench} measures
 * minus the transfer it includes; bytes: 4 x parameters (float32 gradients or weights); BW: the
 * network bandwidth of one node's link; K: {@code --sync-every}. N = 1 still pays O and C(1) = 2
 * transfers, as a one-worker Spark run does; "vs 1 GPU" compares with training without Spark.
 *
 * <pre>
 * scripts/spark-scale-bench.sh --model [--compute-ms 3.39] [--overhead-ms 20] [--params 3672906]
 *     [--bandwidth-gbs 1.25] [--sync-every 1] [--minibatch 128]
 * </pre>
 */
public final class ScaleOutModel {
    /** The seed net's parameters (layers-conv-local-11pct: 14.7 MB of float32). */
    public static final long SEED_PARAMS = 3_672_906L;

    private ScaleOutModel() {
    }

    /** Seconds of one synchronised step on {@code n} GPUs. */
    static double stepSeconds(double computeS, double overheadS, long params, double bandwidthBytesPerS, int syncEvery, int n) {
        double levels = n <= 1 ? 0 : Math.ceil(Math.log(n) / Math.log(2) - 1e-12);
        double comm = 4.0 * params / bandwidthBytesPerS * (2 + levels);
        return computeS + (overheadS + comm) / syncEvery;
    }

    /** Efficiency against one GPU training alone. */
    static double efficiency(double computeS, double overheadS, long params, double bandwidthBytesPerS, int syncEvery, int n) {
        return computeS / stepSeconds(computeS, overheadS, params, bandwidthBytesPerS, syncEvery, n);
    }

    /** Prints the table for the seed net and a net 10x larger (10x the parameters and the compute). */
    public static void main(String[] args) {
        double computeMs = 3.39;
        double overheadMs = 20;
        long params = SEED_PARAMS;
        double bandwidthGBs = 1.25;
        int syncEvery = 1;
        int minibatch = 128;
        for (int i = 0; i + 1 < args.length; i += 2) {
            String v = args[i + 1];
            switch (args[i]) {
                case "--compute-ms" -> computeMs = Double.parseDouble(v);
                case "--overhead-ms" -> overheadMs = Double.parseDouble(v);
                case "--params" -> params = Long.parseLong(v);
                case "--bandwidth-gbs" -> bandwidthGBs = Double.parseDouble(v);
                case "--sync-every" -> syncEvery = Integer.parseInt(v);
                case "--minibatch" -> minibatch = Integer.parseInt(v);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        print(System.out, computeMs, overheadMs, params, bandwidthGBs, syncEvery, minibatch);
    }

    static void print(PrintStream out, double computeMs, double overheadMs, long params, double bandwidthGBs,
                      int syncEvery, int minibatch) {
        out.printf(Locale.ROOT, "inputs: compute %.2f ms/step on one worker (seed net, %d cases), Spark overhead %.1f ms/round, "
                + "link %.2f GB/s, sync every %d%n", computeMs, minibatch, overheadMs, bandwidthGBs, syncEvery);
        out.printf(Locale.ROOT, "%-22s %7s %12s %12s %10s %12s%n", "net", "workers", "MB/round", "step ms", "eff.", "img/s");
        for (int scale : List.of(1, 10)) {
            String name = scale == 1 ? "seed" : "10x seed";
            for (int n : List.of(1, 8, 64)) {
                double t = stepSeconds(computeMs * scale / 1e3, overheadMs / 1e3, params * scale, bandwidthGBs * 1e9,
                        syncEvery, n);
                out.printf(Locale.ROOT, "%-22s %7d %12.1f %12.2f %9.0f%% %12.0f%n", name, n, 4.0 * params * scale / 1e6,
                        t * 1e3, 100 * computeMs * scale / 1e3 / t, n * minibatch / t);
            }
        }
    }
}
