package org.jconvnet.train;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.jconvnet.api.backend.Backend;
import org.jconvnet.api.layer.LayerPluginRegistry;
import org.jconvnet.api.layer.PassMode;
import org.jconvnet.api.tensor.DType;
import org.jconvnet.layers.net.LayerProfile;
import org.jconvnet.layers.net.Net;
import org.jconvnet.layers.net.NetCatalog;
import org.jconvnet.layers.net.NetDefinition;
import org.jconvnet.layers.net.NetSource;
import org.jconvnet.train.data.DataMean;
import org.jconvnet.train.data.DataProvider;
import org.jconvnet.train.data.DataProviders;
import org.jconvnet.train.data.ServeMode;
import org.jconvnet.train.data.ServedBatch;
import org.jconvnet.train.data.SyntheticCifar;
import org.jconvnet.train.solver.SgdSolver;
import org.jconvnet.train.solver.Solver;

/**
 * {@code jconvnet bench}: training throughput (forward, backward and SGD step per minibatch) of a
 * net on one or more backends, on synthetic CIFAR-shaped data, after warm-up minibatches. With
 * several backends the ratios to the first one are printed too.
 */
public final class Bench {
    private Bench() {
    }

    /** One backend's measurement. */
    public record Row(String backend, String device, String net, int mini, int minibatches, double seconds,
                      double imagesPerSecond) {
    }

    /**
     * Measures each backend in turn.
     *
     * @param layerDef    shipped net name or file
     * @param provider    {@code cifar} or {@code cifar-cropped}
     * @param layers      the layer plugins the net is built from
     * @param backendIds  backend ids, in order
     * @param open        opens a backend by id
     * @param close       releases it afterwards
     * @param profile     after the timed minibatches, run as many again with a {@link LayerProfile}
     *                    attached and print where each backend's time goes, layer by layer
     */
    public static List<Row> run(String layerDef, String provider, LayerPluginRegistry layers, DType dtype,
                                List<String> backendIds, int mini,
                                int minibatches, int warmup, boolean profile, Function<String, Backend> open,
                                java.util.function.Consumer<Backend> close, PrintStream out) {
        NetSource def = NetCatalog.layerDef(layerDef);
        NetSource params = NetCatalog.layerParamsFor(layerDef);
        SyntheticCifar data = new SyntheticCifar(1, mini, 1);
        double[] mean = DataMean.compute(data, List.of(1));
        DataProvider dp = DataProviders.create(provider, mean, 4);
        ServedBatch batch = dp.serve(data.batch(1), ServeMode.TRAIN, 1);
        Map<Integer, double[]> slice = batch.slice(0, mini);
        NetDefinition nd = NetDefinition.load(def, params, dp.dims(), layers, NetDefinition.Options.strict());
        List<Row> rows = new ArrayList<>();
        out.println(String.format(Locale.ROOT, "%-8s  %-28s  %-26s  %5s  %10s  %s", "BACKEND", "NET", "DEVICE", "N",
                "IMAGES/S", "RATIO"));
        for (String id : backendIds) {
            Backend b;
            try {
                b = open.apply(id);
            } catch (org.jconvnet.api.JConvNetException e) {
                // One unavailable backend must not hide the others' numbers.
                out.println(String.format(Locale.ROOT, "%-8s  %-28s  unavailable: %s", id, def.name(), e.getMessage()));
                out.flush();
                continue;
            }
            try (Net net = new Net(nd, b, dtype); Solver solver = new SgdSolver(net)) {
                net.initParams(1);
                for (int i = 0; i < warmup; i++) {
                    step(solver, slice, mini);
                }
                b.synchronize();
                long t0 = System.nanoTime();
                for (int i = 0; i < minibatches; i++) {
                    step(solver, slice, mini);
                }
                b.synchronize();
                double secs = (System.nanoTime() - t0) / 1e9;
                Row r = new Row(b.id(), b.deviceName(), def.name(), mini, minibatches, secs, minibatches * mini / secs);
                rows.add(r);
                out.println(String.format(Locale.ROOT, "%-8s  %-28s  %-26s  %5d  %10.1f  %s", r.backend(), r.net(),
                        shorten(r.device(), 26), mini, r.imagesPerSecond(),
                        rows.size() == 1 ? "1.00" : String.format(Locale.ROOT, "%.2f", r.imagesPerSecond() / rows.get(0).imagesPerSecond())));
                out.flush();
                if (profile) {
                    printProfile(solver, slice, mini, minibatches, out);
                }
            } finally {
                close.accept(b);
            }
        }
        if (rows.size() > 1) {
            out.println("ratio = images/s relative to " + rows.get(0).backend() + " (" + minibatches + " timed minibatches of "
                    + mini + " after " + warmup + " warm-up, " + dtype + ")");
        }
        return rows;
    }

    private static void printProfile(Solver solver, Map<Integer, double[]> slice, int mini, int minibatches,
                                     PrintStream out) {
        Net net = solver.net();
        LayerProfile p = new LayerProfile();
        net.profileWith(p);
        for (int i = 0; i < minibatches; i++) {
            step(solver, slice, mini);
        }
        net.profileWith(null);
        out.println("  profile of " + net.backend().id() + " (per minibatch of " + mini + ", averaged over " + minibatches
                + "; each layer timed between two synchronisations):");
        p.print(out, minibatches);
        out.flush();
    }

    private static void step(Solver solver, Map<Integer, double[]> slice, int mini) {
        solver.net().forward(slice, mini, PassMode.TRAIN);
        solver.net().backward();
        solver.step(0);
    }

    private static String shorten(String s, int n) {
        return s.length() <= n ? s : s.substring(0, n - 1) + "~";
    }
}
