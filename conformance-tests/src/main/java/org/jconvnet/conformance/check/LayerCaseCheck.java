package org.jconvnet.conformance.check;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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

/**
 * One case of a layer plugin on one backend, against the float64 reference: the layer's forward
 * output ({@code forward}), the gradients reaching the case's data inputs ({@code backward-input})
 * and the gradients of every weight and bias ({@code backward-weights}), after a backward pass
 * started from the same random gradient at the layer's output (or from the cost, for cost layers).
 */
public final class LayerCaseCheck extends CaseCheck {
    /** This family's {@link CheckResult#kind()}. */
    public static final String KIND = "layer-case";

    /** Plans the case: loading its net decides which ops apply. A net that does not load fails at run time. */
    public LayerCaseCheck(String type, LayerCase layerCase, LayerPluginRegistry plugins) {
        super(type, layerCase, plugins);
        plan(Ops.FORWARD);
        if (loaded() && hasDataInput()) {
            plan(Ops.BACKWARD_INPUT);
        }
        if (hasParams()) {
            plan(Ops.BACKWARD_WEIGHTS);
        }
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public String title() {
        return type + " " + layerCase.name();
    }

    /** The case this check runs. */
    public LayerCase layerCase() {
        return layerCase;
    }

    @Override
    List<CheckResult> runLoaded(CheckContext ctx, List<CheckId> todo) {
        List<CheckResult> out = new ArrayList<>();
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
        LayerCase.Tolerance t = layerCase.tolerance(id.op());
        return ctx.tolerance(id, t.relative(), t.reason());
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
            if (!isDataInput(idx)) {
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
