package org.jconvnet.conformance.check;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.jconvnet.api.kernel.Ops;
import org.jconvnet.api.layer.LayerPluginRegistry;
import org.jconvnet.api.layer.PassMode;
import org.jconvnet.api.tensor.DType;
import org.jconvnet.conformance.CheckResult;
import org.jconvnet.conformance.compare.Comparison;
import org.jconvnet.conformance.compare.ErrorStats;
import org.jconvnet.conformance.golden.FrozenCase;
import org.jconvnet.layers.net.Net;
import org.jconvnet.layers.net.NetDefinition;
import org.jconvnet.layers.net.NetSource;

/**
 * Re-runs one of the suite's frozen golden cases on the float64 reference and compares every layer
 * output, every data gradient and every parameter gradient with what the reference produced when
 * the case was frozen. Any change to the reference's numbers (beyond summation-order noise) shows
 * up here; if the change is intended, regenerate with
 * {@link org.jconvnet.conformance.golden.FrozenGoldenGenerator} and review the diff.
 */
public final class FrozenGoldenCheck implements Check {
    /** This family's {@link CheckResult#kind()}. */
    public static final String KIND = "frozen-golden";
    /** Layer label of the results: the whole frozen net. */
    public static final String NET = "net";
    /** Float64 against the float64 reference's own earlier result: only summation-order noise (about 1e-15) may differ. */
    private static final String TOLERANCE_REASON =
            "float64 against the reference's own frozen float64 result: only summation-order noise (about 1e-15)";
    private static final double TOLERANCE = 1e-10;

    private final FrozenCase frozen;
    private final LayerPluginRegistry plugins;
    private final ClassLoader loader;

    private FrozenGoldenCheck(FrozenCase frozen, LayerPluginRegistry plugins, ClassLoader loader) {
        this.frozen = frozen;
        this.plugins = plugins;
        this.loader = loader;
    }

    /** One check per frozen case shipped in this module's resources. */
    public static List<Check> all(LayerPluginRegistry plugins) {
        ClassLoader cl = FrozenGoldenCheck.class.getClassLoader();
        List<Check> out = new ArrayList<>();
        for (FrozenCase c : FrozenCase.all(cl)) {
            out.add(new FrozenGoldenCheck(c, plugins, cl));
        }
        return out;
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public String title() {
        return "frozen golden " + frozen.name();
    }

    @Override
    public List<CheckId> planned() {
        return List.of(new CheckId(NET, frozen.name(), Ops.FORWARD),
                new CheckId(NET, frozen.name(), Ops.BACKWARD_INPUT),
                new CheckId(NET, frozen.name(), Ops.BACKWARD_WEIGHTS));
    }

    @Override
    public List<CheckResult> run(CheckContext ctx, Set<CheckId> skipped) {
        Properties p = frozen.properties(loader);
        int n = Integer.parseInt(p.getProperty("numCases"));
        Map<Integer, double[]> data = new HashMap<>();
        Map<Integer, Integer> dims = new HashMap<>();
        for (String key : p.stringPropertyNames()) {
            if (key.startsWith("dims.")) {
                int idx = Integer.parseInt(key.substring(5));
                dims.put(idx, Integer.parseInt(p.getProperty(key)));
                data.put(idx, frozen.array(loader, "data." + idx).data());
            }
        }
        Set<String> labels = Set.copyOf(list(p.getProperty("labels", "")));
        NetDefinition def = NetDefinition.load(new NetSource(frozen.path("layers.cfg"), frozen.text(loader, "layers.cfg")),
                new NetSource(frozen.path("params.cfg"), frozen.text(loader, "params.cfg")), idx -> {
                    Integer d = dims.get(idx);
                    if (d == null) {
                        throw new IllegalArgumentException(frozen.path("case.properties") + " has no dims." + idx);
                    }
                    return d;
                }, plugins, new NetDefinition.Options(true));
        List<CheckResult> out = new ArrayList<>();
        try (Net net = new Net(def, ctx.reference(), DType.FLOAT64)) {
            for (String lp : list(p.getProperty("params", ""))) {
                String[] parts = lp.split(":");
                net.setParam(parts[0], parts[1], frozen.array(loader, parts[0] + "." + parts[1]).data());
            }
            net.computeDataGradients(true);
            net.forward(data, n, PassMode.TRAIN);
            net.backward();
            for (CheckId id : planned()) {
                if (skipped.contains(id)) {
                    continue;
                }
                List<ErrorStats> all = new ArrayList<>();
                double tol = ctx.tolerance(id, TOLERANCE, TOLERANCE_REASON);
                if (id.op().equals(Ops.FORWARD)) {
                    for (String layer : list(p.getProperty("outputs"))) {
                        all.add(Comparison.compare("output of '" + layer + "'", net.output(layer),
                                frozen.array(loader, layer + ".output").data(), n, tol));
                    }
                } else if (id.op().equals(Ops.BACKWARD_INPUT)) {
                    for (Map.Entry<Integer, String> d : TwinNets.dataLayers(def)) {
                        if (!labels.contains(String.valueOf(d.getKey()))) {
                            all.add(Comparison.compare("gradient reaching data layer '" + d.getValue() + "'",
                                    net.outputGrad(d.getValue()), frozen.array(loader, "data." + d.getKey() + ".grad").data(),
                                    n, tol));
                        }
                    }
                } else {
                    for (String lp : list(p.getProperty("params", ""))) {
                        String[] parts = lp.split(":");
                        all.add(Comparison.compare("gradient of " + parts[1] + " of '" + parts[0] + "'",
                                net.getParamGrad(parts[0], parts[1]),
                                frozen.array(loader, parts[0] + "." + parts[1] + ".grad").data(), 1, tol));
                    }
                }
                out.add(ctx.result(KIND, id, Comparison.worst(all)));
            }
        }
        return out;
    }

    private static List<String> list(String s) {
        List<String> out = new ArrayList<>();
        for (String part : s.split(",")) {
            if (!part.isBlank()) {
                out.add(part.trim());
            }
        }
        return out;
    }
}
