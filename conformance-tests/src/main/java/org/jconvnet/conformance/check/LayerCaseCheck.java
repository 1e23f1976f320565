package org.jconvnet.conformance.check;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.jconvnet.api.kernel.Ops;
import org.jconvnet.api.layer.Layer;
import org.jconvnet.api.layer.LayerCase;
import org.jconvnet.api.layer.LayerPluginRegistry;
import org.jconvnet.api.layer.ParamSpec;
import org.jconvnet.api.tensor.MatrixOrder;
import org.jconvnet.conformance.CheckResult;
import org.jconvnet.conformance.compare.Comparison;
import org.jconvnet.conformance.compare.ErrorStats;
import org.jconvnet.layers.net.NetDefinition;

/**
 * One case of a layer plugin on one backend, against the float64 reference: the layer's forward
 * output ({@code forward}), the gradients reaching the case's data inputs ({@code backward-input})
 * and the gradients of every weight and bias ({@code backward-weights}), after a backward pass
 * started from the same random gradient at the layer's output (or from the cost, for cost layers).
 */
public final class LayerCaseCheck implements Check {
    /** This family's {@link CheckResult#kind()}. */
    public static final String KIND = "layer-case";

    private final String type;
    private final LayerCase layerCase;
    private final NetDefinition def;
    private final RuntimeException loadError;
    private final List<CheckId> planned = new ArrayList<>();

    /** Plans the case: loading its net decides which ops apply. A net that does not load fails at run time. */
    public LayerCaseCheck(String type, LayerCase layerCase, LayerPluginRegistry plugins) {
        this.type = type;
        this.layerCase = layerCase;
        LoadedCase loaded = new LoadedCase(type, layerCase, plugins);
        this.def = loaded.def();
        this.loadError = loaded.loadError();
        planned.add(id(Ops.FORWARD));
        if (loaded.loaded() && loaded.hasDataInput()) {
            planned.add(id(Ops.BACKWARD_INPUT));
        }
        if (loaded.hasParams()) {
            planned.add(id(Ops.BACKWARD_WEIGHTS));
        }
    }

    private CheckId id(String op) {
        return new CheckId(type, layerCase.name(), op);
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public String title() {
        return type + " " + layerCase.name();
    }

    @Override
    public List<CheckId> planned() {
        return List.copyOf(planned);
    }

    /** The case this check runs. */
    public LayerCase layerCase() {
        return layerCase;
    }

    @Override
    public List<CheckResult> run(CheckContext ctx, Set<CheckId> skipped) {
        List<CheckId> todo = planned.stream().filter(p -> !skipped.contains(p)).toList();
        List<CheckResult> out = new ArrayList<>();
        if (loadError != null) {
            todo.forEach(p -> out.add(ctx.error(KIND, p, loadError)));
            return out;
        }
        int n = layerCase.numCases();
        String layer = layerCase.layer();
        TwinNets twins;
        try {
            twins = TwinNets.create(def, ctx, layerCase.seed());
        } catch (RuntimeException | Error e) {
            todo.forEach(p -> out.add(ctx.error(KIND, p, e)));
            return out;
        }
        try (twins) {
            SplittableRandom rnd = new SplittableRandom(layerCase.seed() * 31 + 7);
            Map<Integer, double[]> data = RandomData.inputs(layerCase.inputs(), n, rnd);
            try {
                twins.forward(data, n);
            } catch (RuntimeException | Error e) {
                todo.forEach(p -> out.add(ctx.error(KIND, p, e)));
                return out;
            }
            if (todo.contains(id(Ops.FORWARD))) {
                out.add(compareForward(ctx, twins, layer, n));
            }
            List<CheckId> back = todo.stream().filter(p -> !p.op().equals(Ops.FORWARD)).toList();
            if (back.isEmpty()) {
                return out;
            }
            try {
                Layer tested = def.layer(layer);
                if (tested.isCost()) {
                    twins.ref.backward();
                    twins.test.backward();
                } else {
                    double[] grad = RandomData.gaussian(rnd, tested.outputs() * n, 1.0);
                    twins.ref.backwardFrom(layer, grad);
                    twins.test.backwardFrom(layer, grad);
                }
            } catch (RuntimeException | Error e) {
                back.forEach(p -> out.add(ctx.error(KIND, p, e)));
                return out;
            }
            for (CheckId p : back) {
                try {
                    out.add(p.op().equals(Ops.BACKWARD_INPUT) ? compareInputGrads(ctx, twins, p, n)
                            : compareParamGrads(ctx, twins, p));
                } catch (RuntimeException | Error e) {
                    out.add(ctx.error(KIND, p, e));
                }
            }
        }
        return out;
    }

    private double tol(CheckContext ctx, CheckId id) {
        return ctx.tolerance(id, layerCase.tolerance(id.op()).relative());
    }

    private CheckResult compareForward(CheckContext ctx, TwinNets t, String layer, int n) {
        CheckId id = id(Ops.FORWARD);
        try {
            ErrorStats s = Comparison.compare("output of layer '" + layer + "'", t.test.output(layer),
                    t.ref.output(layer), n, tol(ctx, id));
            return ctx.result(KIND, id, s);
        } catch (RuntimeException | Error e) {
            return ctx.error(KIND, id, e);
        }
    }

    private CheckResult compareInputGrads(CheckContext ctx, TwinNets t, CheckId id, int n) {
        double tol = tol(ctx, id);
        List<ErrorStats> all = new ArrayList<>();
        for (Map.Entry<Integer, String> d : TwinNets.dataLayers(def)) {
            int idx = d.getKey();
            if (!LoadedCase.isDataInput(layerCase, idx)) {
                continue;
            }
            all.add(Comparison.compare("gradient reaching data layer '" + d.getValue() + "' (input " + idx
                    + ") from layer '" + layerCase.layer() + "'", t.test.outputGrad(d.getValue()),
                    t.ref.outputGrad(d.getValue()), n, tol));
        }
        return ctx.result(KIND, id, Comparison.worst(all));
    }

    private CheckResult compareParamGrads(CheckContext ctx, TwinNets t, CheckId id) {
        double tol = tol(ctx, id);
        List<ErrorStats> all = new ArrayList<>();
        for (TwinNets.ParamRef p : TwinNets.params(def)) {
            ParamSpec spec = t.ref.paramSpec(p.layer(), p.param());
            all.add(Comparison.compare("gradient of " + p.param() + " of layer '" + p.layer() + "'",
                    t.test.getParamGrad(p.layer(), p.param()), t.ref.getParamGrad(p.layer(), p.param()),
                    spec.cols(), spec.order() == MatrixOrder.FORTRAN, tol));
        }
        return ctx.result(KIND, id, Comparison.worst(all));
    }
}
