package org.jconvnet.conformance.check;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.jconvnet.api.kernel.Ops;
import org.jconvnet.api.layer.LayerPluginRegistry;
import org.jconvnet.api.layer.ParamSpec;
import org.jconvnet.api.layer.PassMode;
import org.jconvnet.conformance.CheckResult;
import org.jconvnet.conformance.compare.Comparison;
import org.jconvnet.conformance.compare.ErrorStats;
import org.jconvnet.layers.net.Net;
import org.jconvnet.layers.net.NetDefinition;
import org.jconvnet.layers.net.NetSource;

/**
 * Pins the memory layouts of cuda-convnet.md §2.4 with one-hot probes: one weight set to 1 (all others
 * and the biases 0) over a random input, or one input activation set to 1 under random weights.
 * The expected output is computed here straight from the index formulas, not from any
 * kernel, so exactly the outputs the formulas predict must move, with exactly the predicted values:
 *
 * <ul>
 *   <li>conv {@code W[c,fy,fx,f]} at {@code ((c*fs+fy)*fs+fx)*F+f};</li>
 *   <li>local {@code W[my,mx,c,fy,fx,f]} at {@code ((((my*M+mx)*Cf+c)*fs+fy)*fs+fx)*F+f};</li>
 *   <li>fc {@code W[i,j]} at {@code j*Din+i};</li>
 *   <li>activation {@code (n,c,y,x)} at {@code ((c*H+y)*W+x)*N+n}.</li>
 * </ul>
 */
public final class LayoutProbeCheck implements Check {
    /** This family's {@link CheckResult#kind()}. */
    public static final String KIND = "layout-probe";
    /** Case name of the weight probes. */
    public static final String WEIGHTS = "probe-weights";
    /** Case name of the activation probes. */
    public static final String ACTIVATIONS = "probe-activations";

    private static final int N = 3;
    private static final String LAYER = "probe";
    /** Values are copied, never rounded or summed with non-zeros, so only float32 storage of W and x can differ. */
    private static final String TOLERANCE_REASON =
            "values are copied, never rounded or summed with non-zeros: only float32 storage of W and x can differ";
    private static final double TOLERANCE = 1e-6;

    private final ProbeGeometry geo;
    private final LayerPluginRegistry plugins;

    private LayoutProbeCheck(ProbeGeometry geo, LayerPluginRegistry plugins) {
        this.geo = geo;
        this.plugins = plugins;
    }

    /** The probes for conv, local and fc, for those of them that have a plugin. */
    public static List<Check> all(LayerPluginRegistry plugins) {
        List<Check> out = new ArrayList<>();
        for (ProbeGeometry g : ProbeGeometry.ALL) {
            if (plugins.types().contains(g.type())) {
                out.add(new LayoutProbeCheck(g, plugins));
            }
        }
        return out;
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public String title() {
        return geo.type() + " layout probes";
    }

    @Override
    public List<CheckId> planned() {
        return List.of(new CheckId(geo.type(), WEIGHTS, Ops.FORWARD), new CheckId(geo.type(), ACTIVATIONS, Ops.FORWARD));
    }

    @Override
    public List<CheckResult> run(CheckContext ctx, Set<CheckId> skipped) {
        List<CheckResult> out = new ArrayList<>();
        for (CheckId id : planned()) {
            if (skipped.contains(id)) {
                continue;
            }
            try {
                out.add(id.caseName().equals(WEIGHTS) ? weightProbes(ctx, id) : activationProbes(ctx, id));
            } catch (RuntimeException | Error e) {
                out.add(ctx.error(KIND, id, e));
            }
        }
        return out;
    }

    private NetDefinition definition() {
        String base = "layout probe " + geo.type();
        return NetDefinition.load(new NetSource(base + " (layers)", geo.layersCfg()),
                new NetSource(base + " (params)", geo.paramsCfg()), idx -> {
                    if (idx != 0) {
                        throw new IllegalArgumentException(base + " has only data index 0, not " + idx);
                    }
                    return geo.inputDims();
                }, plugins, new NetDefinition.Options(true));
    }

    private CheckResult weightProbes(CheckContext ctx, CheckId id) {
        NetDefinition def = definition();
        SplittableRandom rnd = new SplittableRandom(11);
        double[] input = RandomData.gaussian(rnd, geo.inputDims() * N, 1.0);
        List<ErrorStats> all = new ArrayList<>();
        try (Net net = new Net(def, ctx.backend(), ctx.dtype())) {
            zeroBiases(net);
            for (int k : positions(geo.weightCount(), rnd)) {
                double[] w = new double[geo.weightCount()];
                w[k] = 1;
                net.setParam(LAYER, "weights", w);
                net.forward(Map.of(0, input), N, PassMode.TEST);
                double[] expected = geo.expectedForOneWeight(k, input, N);
                all.add(Comparison.compare("output of " + geo.type() + " layer '" + LAYER + "' with only " + geo.describeWeight(k) + " = 1",
                        net.output(LAYER), expected, N, ctx.tolerance(id, TOLERANCE, TOLERANCE_REASON)));
            }
        }
        return ctx.result(KIND, id, firstFailingOrWorst(all));
    }

    private CheckResult activationProbes(CheckContext ctx, CheckId id) {
        NetDefinition def = definition();
        SplittableRandom rnd = new SplittableRandom(13);
        double[] w = RandomData.gaussian(rnd, geo.weightCount(), 1.0);
        List<ErrorStats> all = new ArrayList<>();
        try (Net net = new Net(def, ctx.backend(), ctx.dtype())) {
            zeroBiases(net);
            net.setParam(LAYER, "weights", w);
            for (int a : positions(geo.inputDims() * N, rnd)) {
                double[] input = new double[geo.inputDims() * N];
                input[a] = 1;
                net.forward(Map.of(0, input), N, PassMode.TEST);
                double[] expected = geo.expectedForOneActivation(a, w, N);
                all.add(Comparison.compare("output of " + geo.type() + " layer '" + LAYER + "' with only input " + geo.describeActivation(a, N) + " = 1",
                        net.output(LAYER), expected, N, ctx.tolerance(id, TOLERANCE, TOLERANCE_REASON)));
            }
        }
        return ctx.result(KIND, id, firstFailingOrWorst(all));
    }

    private static void zeroBiases(Net net) {
        ParamSpec b = net.paramSpec(LAYER, ParamSpec.BIASES);
        net.setParam(LAYER, ParamSpec.BIASES, new double[(int) b.size()]);
    }

    /** The first and last positions, then a few seeded random ones. */
    private static Set<Integer> positions(int count, SplittableRandom rnd) {
        Set<Integer> out = new LinkedHashSet<>();
        out.add(0);
        out.add(count - 1);
        while (out.size() < Math.min(count, 6)) {
            out.add(rnd.nextInt(count));
        }
        return out;
    }

    private static ErrorStats firstFailingOrWorst(List<ErrorStats> all) {
        for (ErrorStats s : all) {
            if (!s.passed()) {
                return s;
            }
        }
        return Comparison.worst(all);
    }
}
