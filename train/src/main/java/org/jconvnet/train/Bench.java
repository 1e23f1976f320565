package org.jconvnet.train;

import java.io.PrintStream;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import org.jconvnet.api.backend.Backend;
import org.jconvnet.api.layer.LayerPluginRegistry;
import org.jconvnet.api.layer.PassMode;
import org.jconvnet.api.tensor.DType;
import org.jconvnet.layers.net.LayerProfile;
import org.jconvnet.layers.net.Net;
import org.jconvnet.layers.net.NetCatalog;
import org.jconvnet.layers.net.NetDefinition;
import org.jconvnet.layers.net.NetFlops;
import org.jconvnet.layers.net.NetSource;
import org.jconvnet.train.bench.BenchReport;
import org.jconvnet.train.bench.BenchResult;
import org.jconvnet.train.bench.BenchTable;
import org.jconvnet.train.bench.Peaks;
import org.jconvnet.train.bench.Spread;
import org.jconvnet.train.data.DataMean;
import org.jconvnet.train.data.DataProvider;
import org.jconvnet.train.data.DataProviders;
import org.jconvnet.train.data.ServeMode;
import org.jconvnet.train.data.ServedBatch;
import org.jconvnet.train.data.SyntheticCifar;
import org.jconvnet.train.solver.SgdSolver;
import org.jconvnet.train.solver.Solver;

/**
 * {@code jconvnet bench}: training throughput (forward, backward and SGD step per minibatch) and
 * forward-only throughput of one or more nets on one or more backends, on synthetic CIFAR-shaped
 * data, after warm-up minibatches. Each rate is measured {@code repeats} times and reported as
 * median, min and max; with the net's FLOPs per image ({@link NetFlops}) the medians become
 * achieved GFLOP/s and a share of the sgemm peak measured in the same run ({@link Peaks}). With
 * several backends the ratios to the first one, from this same run, are printed too.
 */
public final class Bench {
    private Bench() {
    }

    /**
     * What to measure.
     *
     * @param layerDefs   shipped net names or files, measured in this order on every backend
     * @param provider    {@code cifar} or {@code cifar-cropped}
     * @param dtype       the tensors' element type
     * @param backendIds  backend ids, in order (the first is the ratios' reference)
     * @param mini        minibatch size
     * @param minibatches timed minibatches per repeat
     * @param warmup      untimed minibatches before the first repeat (training, and again forward-only)
     * @param repeats     how often each rate is measured
     * @param profile     after the timed minibatches, run as many again with a {@link LayerProfile}
     *                    attached and print where each backend's time goes, layer by layer
     */
    public record Settings(List<String> layerDefs, String provider, DType dtype, List<String> backendIds, int mini,
                           int minibatches, int warmup, int repeats, boolean profile) {
        /** Validates the counts. */
        public Settings {
            layerDefs = List.copyOf(layerDefs);
            backendIds = List.copyOf(backendIds);
            if (mini < 1 || minibatches < 1 || warmup < 0 || repeats < 1) {
                throw new IllegalArgumentException("bench needs mini >= 1, minibatches >= 1, warmup >= 0 and repeats >= 1");
            }
        }
    }

    /** One net, parsed, with its data and FLOP count. */
    private record Workload(String name, NetDefinition definition, NetFlops flops, Map<Integer, double[]> slice) {
    }

    /**
     * Measures each backend in turn, every net on it, and prints a table as it goes.
     *
     * @param layers the layer plugins the nets are built from
     * @param peaks  the peaks measured at the start of this run
     * @param open   opens a backend by id
     * @param close  releases it afterwards
     * @return the report {@code --json} writes
     */
    public static BenchReport run(Settings s, LayerPluginRegistry layers, Peaks peaks, Function<String, Backend> open,
                                  Consumer<Backend> close, PrintStream out) {
        String date = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
        SyntheticCifar data = new SyntheticCifar(1, s.mini(), 1);
        double[] mean = DataMean.compute(data, List.of(1));
        DataProvider dp = DataProviders.create(s.provider(), mean, 4);
        ServedBatch batch = dp.serve(data.batch(1), ServeMode.TRAIN, 1);
        Map<Integer, double[]> slice = batch.slice(0, s.mini());
        List<Workload> work = new ArrayList<>();
        for (String layerDef : s.layerDefs()) {
            NetSource def = NetCatalog.layerDef(layerDef);
            NetDefinition nd = NetDefinition.load(def, NetCatalog.layerParamsFor(layerDef), dp.dims(), layers,
                    NetDefinition.Options.strict());
            work.add(new Workload(def.name(), nd, NetFlops.of(nd), slice));
        }
        BenchTable table = new BenchTable(out);
        table.header(peaks.host());
        List<BenchResult> results = new ArrayList<>();
        List<BenchReport.Unavailable> unavailable = new ArrayList<>();
        Map<String, BenchResult> firstPerNet = new HashMap<>();
        for (String id : s.backendIds()) {
            Backend b;
            try {
                b = open.apply(id);
            } catch (org.jconvnet.api.JConvNetException e) {
                // One unavailable backend must not hide the others' numbers.
                for (Workload w : work) {
                    table.unavailable(id, w.name(), e.getMessage());
                    unavailable.add(new BenchReport.Unavailable(id, w.name(), e.getMessage()));
                }
                continue;
            }
            try {
                Peaks.Peak peak = peaks.of(b);
                for (Workload w : work) {
                    results.add(measure(s, w, b, peak, result -> table.row(result,
                            firstPerNet.computeIfAbsent(w.name(), k -> result)), out));
                }
            } finally {
                close.accept(b);
            }
        }
        table.footer(s.repeats(), s.minibatches(), s.mini(), s.warmup(), s.dtype().toString(),
                results.size() > work.size());
        return new BenchReport("jconvnet bench", BenchReport.FORMAT_VERSION, date, describeHost(), peaks.host().gflops(),
                peaks.host().source(), results, unavailable);
    }

    /** Measures one net on one backend; {@code report} prints its row before the optional profile. */
    private static BenchResult measure(Settings s, Workload w, Backend b, Peaks.Peak peak, Consumer<BenchResult> report,
                                       PrintStream out) {
        try (Net net = new Net(w.definition(), b, s.dtype()); Solver solver = new SgdSolver(net)) {
            net.initParams(1);
            for (int i = 0; i < s.warmup(); i++) {
                trainStep(solver, w.slice(), s.mini());
            }
            double[] train = new double[s.repeats()];
            for (int r = 0; r < s.repeats(); r++) {
                train[r] = imagesPerSecond(b, s, () -> trainStep(solver, w.slice(), s.mini()));
            }
            for (int i = 0; i < s.warmup(); i++) {
                net.forward(w.slice(), s.mini(), PassMode.TEST);
            }
            double[] forward = new double[s.repeats()];
            for (int r = 0; r < s.repeats(); r++) {
                forward[r] = imagesPerSecond(b, s, () -> net.forward(w.slice(), s.mini(), PassMode.TEST));
            }
            BenchResult result = BenchResult.of(b.id(), b.deviceName(), w.name(), s.mini(), s.dtype().toString(),
                    s.minibatches(), s.warmup(), Spread.of(train), Spread.of(forward), w.flops().forwardPerImage(),
                    w.flops().trainPerImage(), peak);
            report.accept(result);
            if (s.profile()) {
                printProfile(solver, w.slice(), s.mini(), s.minibatches(), out);
            }
            return result;
        }
    }

    /** Runs {@code minibatches} minibatches of {@code step} between two synchronisations. */
    private static double imagesPerSecond(Backend b, Settings s, Runnable step) {
        b.synchronize();
        long t0 = System.nanoTime();
        for (int i = 0; i < s.minibatches(); i++) {
            step.run();
        }
        b.synchronize();
        double secs = (System.nanoTime() - t0) / 1e9;
        return (double) s.minibatches() * s.mini() / secs;
    }

    private static void printProfile(Solver solver, Map<Integer, double[]> slice, int mini, int minibatches,
                                     PrintStream out) {
        Net net = solver.net();
        LayerProfile p = new LayerProfile();
        net.profileWith(p);
        for (int i = 0; i < minibatches; i++) {
            trainStep(solver, slice, mini);
        }
        net.profileWith(null);
        out.println("  profile of " + net.backend().id() + " (per minibatch of " + mini + ", averaged over " + minibatches
                + "; each layer timed between two synchronisations):");
        p.print(out, minibatches);
        out.flush();
    }

    private static void trainStep(Solver solver, Map<Integer, double[]> slice, int mini) {
        solver.net().forward(slice, mini, PassMode.TRAIN);
        solver.net().backward();
        solver.step(0);
    }

    /** The host's CPU model (when /proc/cpuinfo says), core count and architecture. */
    static String describeHost() {
        String model = "";
        try {
            model = java.nio.file.Files.readAllLines(java.nio.file.Path.of("/proc/cpuinfo")).stream()
                    .filter(l -> l.startsWith("model name")).map(l -> l.substring(l.indexOf(':') + 1).trim() + ", ")
                    .findFirst().orElse("");
        } catch (java.io.IOException | RuntimeException e) {
            // Not Linux, or not readable: the core count and architecture still say something.
        }
        return String.format(Locale.ROOT, "%s%d cores, %s %s", model, Runtime.getRuntime().availableProcessors(),
                System.getProperty("os.name"), System.getProperty("os.arch"));
    }
}
