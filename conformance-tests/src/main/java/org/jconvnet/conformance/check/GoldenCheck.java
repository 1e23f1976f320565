package org.jconvnet.conformance.check;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.jconvnet.api.io.Npy;
import org.jconvnet.api.io.NpyArray;
import org.jconvnet.api.kernel.Ops;
import org.jconvnet.api.layer.Layer;
import org.jconvnet.api.layer.LayerPluginRegistry;
import org.jconvnet.api.layer.ParamSpec;
import org.jconvnet.api.layer.PassMode;
import org.jconvnet.api.tensor.DType;
import org.jconvnet.conformance.CheckResult;
import org.jconvnet.conformance.Status;
import org.jconvnet.conformance.compare.Comparison;
import org.jconvnet.conformance.golden.GoldenConfig;
import org.jconvnet.conformance.golden.SharedData;
import org.jconvnet.layers.net.Net;
import org.jconvnet.layers.net.NetDefinition;
import org.jconvnet.layers.net.NetSource;

/**
 * One external golden forward case of {@code <shared>/golden} (see its README) run on the float64
 * reference: the layer fed the case's input, weights and biases must give the case's output. The
 * {@code seed_net} case runs the whole net end to end and compares every saved layer output and the
 * cost. Absent golden data gives one skipped result saying where it was looked for.
 */
public final class GoldenCheck implements Check {
    /** This family's {@link CheckResult#kind()}. */
    public static final String KIND = "golden";
    /** Op name for cost values. */
    public static final String COST = "cost";
    /** Float64 against an independent float64 implementation: only summation order differs (about 1e-15). */
    private static final String TOLERANCE_REASON =
            "float64 against an independent float64 implementation: only summation order differs (about 1e-15)";
    private static final double TOLERANCE = 1e-10;
    /** Cases the README allows an implementation to reject, as cuda-convnet itself does. */
    private static final Set<String> MAY_BE_REJECTED = Set.of("conv_channels5");

    private final Path folder;
    private final String name;
    private final LayerPluginRegistry plugins;
    private final GoldenConfig config;
    private final List<CheckId> planned = new ArrayList<>();

    private GoldenCheck(Path folder, LayerPluginRegistry plugins) {
        this.folder = folder;
        this.name = folder.getFileName().toString();
        this.plugins = plugins;
        try {
            this.config = GoldenConfig.parse(Files.readString(folder.resolve("config.ini")));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + folder.resolve("config.ini") + ": " + e.getMessage(), e);
        }
        if (isWholeNet()) {
            for (String out : config.get("case", "outputs").split(",")) {
                if (!out.trim().equals("data")) {
                    planned.add(new CheckId(out.trim(), name, Ops.FORWARD));
                }
            }
            planned.add(new CheckId("logprob", name, COST));
        } else {
            String layer = config.get("case", "layer");
            String type = config.get(layer, "type");
            planned.add(new CheckId(type, name, type.startsWith("cost.") ? COST : Ops.FORWARD));
        }
    }

    /** One check per golden case folder, or a single skipping check when the folder is absent. */
    public static List<Check> discover(LayerPluginRegistry plugins) {
        Path dir = SharedData.golden().orElse(null);
        if (dir == null) {
            return List.of(new Absent());
        }
        List<Check> out = new ArrayList<>();
        try (Stream<Path> s = Files.list(dir)) {
            for (Path p : s.sorted().toList()) {
                if (Files.isRegularFile(p.resolve("config.ini"))) {
                    out.add(new GoldenCheck(p, plugins));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir + ": " + e.getMessage(), e);
        }
        return out;
    }

    private boolean isWholeNet() {
        return config.get("case", "outputs") != null;
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public String title() {
        return "golden " + name;
    }

    @Override
    public List<CheckId> planned() {
        return List.copyOf(planned);
    }

    @Override
    public List<CheckResult> run(CheckContext ctx, Set<CheckId> skipped) {
        List<CheckId> todo = planned.stream().filter(p -> !skipped.contains(p)).toList();
        List<CheckResult> out = new ArrayList<>();
        int n = Integer.parseInt(config.get("case", "numCases"));
        Map<Integer, double[]> data = new HashMap<>();
        Map<Integer, Integer> dims = new HashMap<>();
        NetDefinition def;
        try {
            readData(data, dims);
            def = NetDefinition.load(new NetSource(folder.resolve("config.ini") + " (layer sections)", config.layersCfg()),
                    new NetSource(folder.resolve("config.ini") + " (:params sections)", config.paramsCfg()),
                    idx -> {
                        Integer d = dims.get(idx);
                        if (d == null) {
                            throw new IllegalArgumentException("golden case " + name + " has no data index " + idx);
                        }
                        return d;
                    }, plugins, new NetDefinition.Options(true));
        } catch (RuntimeException e) {
            Status st = MAY_BE_REJECTED.contains(name) ? Status.SKIP : Status.FAIL;
            for (CheckId id : todo) {
                out.add(st == Status.SKIP
                        ? ctx.plain(KIND, id, st, "the plugin rejects this config as cuda-convnet does, which the golden README allows: "
                                + e.getMessage())
                        : ctx.error(KIND, id, e));
            }
            return out;
        }
        try (Net net = new Net(def, ctx.reference(), DType.FLOAT64)) {
            setParams(net, def);
            Map<String, double[]> costs = net.forward(data, n, PassMode.TEST);
            for (CheckId id : todo) {
                try {
                    String layer = isWholeNet() ? id.layer() : config.get("case", "layer");
                    if (id.op().equals(COST)) {
                        String file = isWholeNet() ? "logprob.npy" : "cost.npy";
                        out.add(ctx.result(KIND, id, Comparison.compare("cost of '" + layer + "' vs " + file,
                                costs.get(layer), read(file).data(), 1, ctx.tolerance(id, TOLERANCE, TOLERANCE_REASON))));
                    } else {
                        String file = isWholeNet() ? layer + ".npy" : "output.npy";
                        out.add(ctx.result(KIND, id, Comparison.compare("output of '" + layer + "' vs " + file,
                                net.output(layer), read(file).data(), n, ctx.tolerance(id, TOLERANCE, TOLERANCE_REASON))));
                    }
                } catch (RuntimeException e) {
                    out.add(ctx.error(KIND, id, e));
                }
            }
        } catch (RuntimeException | Error e) {
            todo.stream().filter(p -> out.stream().noneMatch(r -> r.layer().equals(p.layer()) && r.op().equals(p.op())))
                    .forEach(p -> out.add(ctx.error(KIND, p, e)));
        }
        return out;
    }

    private void readData(Map<Integer, double[]> data, Map<Integer, Integer> dims) {
        List<Map.Entry<String, Integer>> sections = config.dataSections();
        long inputs = sections.stream().filter(e -> !e.getKey().equals("labels")).count();
        int k = 0;
        for (Map.Entry<String, Integer> s : sections) {
            String file;
            if (s.getKey().equals("labels")) {
                file = "labels.npy";
            } else if (isWholeNet()) {
                file = "data.npy";
            } else {
                file = inputs == 1 ? "input.npy" : "input_" + k++ + ".npy";
            }
            NpyArray a = read(file);
            data.put(s.getValue(), a.data());
            dims.put(s.getValue(), a.rows());
        }
    }

    private void setParams(Net net, NetDefinition def) {
        for (Layer l : def.layers()) {
            for (ParamSpec s : l.params()) {
                String file;
                if (isWholeNet()) {
                    file = l.name() + "." + (s.name().equals(ParamSpec.BIASES) ? "biases" : "weights") + ".npy";
                } else if (s.name().equals(ParamSpec.BIASES)) {
                    file = "biases.npy";
                } else {
                    file = s.name().equals("weights") ? "weights.npy" : "weights_" + s.inputIndex() + ".npy";
                }
                net.setParam(l.name(), s.name(), ParamFiles.toMemoryOrder(folder.resolve(file).toString(), read(file), s));
            }
        }
    }

    private NpyArray read(String file) {
        return Npy.read(folder.resolve(file));
    }

    /** Stands in for the golden cases when the shared folder is absent: one skipped result. */
    private static final class Absent implements Check {
        private static final CheckId ID = new CheckId("*", "shared-golden", Ops.FORWARD);

        @Override
        public String kind() {
            return KIND;
        }

        @Override
        public String title() {
            return "golden (absent)";
        }

        @Override
        public List<CheckId> planned() {
            return List.of(ID);
        }

        @Override
        public List<CheckResult> run(CheckContext ctx, Set<CheckId> skipped) {
            return List.of(ctx.plain(KIND, ID, Status.SKIP, "no golden cases: no folder shared/golden above the working"
                    + " directory and no -D" + SharedData.PROPERTY + "=<shared folder>"));
        }
    }
}
