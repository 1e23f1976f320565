package org.jconvnet.conformance.check;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import java.util.function.DoubleSupplier;
import java.util.function.ToDoubleFunction;
import org.jconvnet.api.kernel.Ops;
import org.jconvnet.api.layer.Layer;
import org.jconvnet.api.layer.LayerCase;
import org.jconvnet.api.layer.LayerPluginRegistry;
import org.jconvnet.api.layer.PassMode;
import org.jconvnet.api.tensor.DType;
import org.jconvnet.conformance.CheckResult;
import org.jconvnet.conformance.compare.Comparison;
import org.jconvnet.conformance.compare.ErrorStats;
import org.jconvnet.layers.net.Net;
import org.jconvnet.layers.net.NetDefinition;

/**
 * Checks the reference's own gradients for one layer case, in float64, by central differences:
 * for a seeded sample of elements of every data input and every parameter, {@code (J(v+h) - J(v-h)) / 2h}
 * against the analytic gradient, where {@code J = sum(output * G)} for a fixed random {@code G} (or
 * the net's objective when the layer under test is a cost layer). Errors are measured against the
 * scale of the whole analytic gradient, as everywhere in the suite.
 */
public final class GradientCheck extends CaseCheck {
    /** This family's {@link CheckResult#kind()}. */
    public static final String KIND = "gradient-check";

    /** Float64 central differences with this step: truncation about h^2, rounding about 1e-16/h, both far below the tolerance. */
    private static final double STEP = 1e-5;
    /** Generous enough for the curvature of exp/pow layers at STEP, tight enough to catch a wrong term. */
    private static final String TOLERANCE_REASON = "float64 central differences: truncation about h^2 and rounding about "
            + "1e-16/h lie far below; loose enough for exp/pow curvature, tight enough to catch a wrong term";
    private static final double TOLERANCE = 1e-5;
    private static final int SAMPLES = 12;
    /**
     * Samples for large cases (the seed-sized ones): each sample costs two forward passes, and a
     * seed-sized conv forward takes about a second in float64 on a busy 2-core machine. The first
     * and the last element are still checked; the smaller cases of the same layer get the full sample.
     */
    private static final int SAMPLES_LARGE = 2;
    /**
     * A case whose activations and parameters hold more values than this is large. The size, not a
     * timing, decides, so the same cases are checked the same way on every machine.
     */
    private static final long LARGE_CASE_VALUES = 200_000L;

    /** Plans the check of one case. */
    public GradientCheck(String type, LayerCase layerCase, LayerPluginRegistry plugins) {
        super(type, layerCase, plugins);
        if (!loaded() || hasDataInput()) {
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
        return "gradient check " + type + " " + layerCase.name();
    }

    @Override
    List<CheckResult> runLoaded(CheckContext ctx, List<CheckId> todo) {
        List<CheckResult> out = new ArrayList<>();
        int n = layerCase.numCases();
        String layer = layerCase.layer();
        try (Net net = new Net(def, ctx.reference(), DType.FLOAT64)) {
            net.initParams(layerCase.seed());
            net.computeDataGradients(true);
            SplittableRandom rnd = new SplittableRandom(layerCase.seed() * 17 + 3);
            Map<Integer, double[]> data = RandomData.inputs(layerCase.inputs(), n, rnd);
            Layer tested = def.layer(layer);
            double[] g = tested.isCost() ? null : RandomData.gaussian(rnd, tested.outputs() * n, 1.0);
            ToDoubleFunction<Map<Integer, double[]>> objective = d -> {
                net.forward(d, n, PassMode.TRAIN);
                if (g == null) {
                    return net.objective();
                }
                double[] o = net.output(layer);
                double s = 0;
                for (int i = 0; i < o.length; i++) {
                    s += o[i] * g[i];
                }
                return s;
            };
            objective.applyAsDouble(data);
            int samples = valueCount(def, n) > LARGE_CASE_VALUES ? SAMPLES_LARGE : SAMPLES;
            if (g == null) {
                net.backward();
            } else {
                net.backwardFrom(layer, g);
            }
            for (CheckId id : todo) {
                try {
                    out.add(ctx.result(KIND, id, id.op().equals(Ops.BACKWARD_INPUT)
                            ? checkInputs(net, data, objective, rnd, samples, ctx.tolerance(id, TOLERANCE, TOLERANCE_REASON))
                            : checkParams(net, data, objective, rnd, samples, ctx.tolerance(id, TOLERANCE, TOLERANCE_REASON))));
                } catch (RuntimeException | Error e) {
                    out.add(ctx.error(KIND, id, e));
                }
            }
        } catch (RuntimeException | Error e) {
            todo.stream().filter(p -> out.stream().noneMatch(r -> r.op().equals(p.op())))
                    .forEach(p -> out.add(ctx.error(KIND, p, e)));
        }
        return out;
    }

    private ErrorStats checkInputs(Net net, Map<Integer, double[]> data, ToDoubleFunction<Map<Integer, double[]>> objective,
                                   SplittableRandom rnd, int samples, double tol) {
        List<ErrorStats> all = new ArrayList<>();
        for (Map.Entry<Integer, String> d : TwinNets.dataLayers(def)) {
            int idx = d.getKey();
            if (!isDataInput(idx)) {
                continue;
            }
            double[] analytic = net.outputGrad(d.getValue());
            double[] x = data.get(idx);
            int[] sample = sample(x.length, rnd, samples);
            // x is the array inside data, so changing it is all the net needs to see the change
            double[] numeric = centralDifferences(x, sample, changed -> { }, () -> objective.applyAsDouble(data));
            all.add(sampled("analytic gradient of data layer '" + d.getValue() + "' vs central differences",
                    picked(analytic, sample), numeric, sample, maxAbs(analytic), tol));
        }
        return Comparison.worst(all);
    }

    private ErrorStats checkParams(Net net, Map<Integer, double[]> data, ToDoubleFunction<Map<Integer, double[]>> objective,
                                   SplittableRandom rnd, int samples, double tol) {
        List<ErrorStats> all = new ArrayList<>();
        for (TwinNets.ParamRef p : TwinNets.params(def)) {
            double[] analytic = net.getParamGrad(p.layer(), p.param());
            double[] w = net.getParam(p.layer(), p.param());
            int[] sample = sample(w.length, rnd, samples);
            double[] numeric = centralDifferences(w, sample, changed -> net.setParam(p.layer(), p.param(), changed),
                    () -> objective.applyAsDouble(data));
            all.add(sampled("analytic gradient of " + p.param() + " of layer '" + p.layer() + "' vs central differences",
                    picked(analytic, sample), numeric, sample, maxAbs(analytic), tol));
        }
        return Comparison.worst(all);
    }

    /**
     * {@code (J(v+h) - J(v-h)) / 2h} at each sampled element of {@code values}, which is moved by
     * {@code +-STEP} and restored in place; {@code apply} hands the array to the net after every change.
     */
    private static double[] centralDifferences(double[] values, int[] sample, Consumer<double[]> apply,
                                               DoubleSupplier objective) {
        double[] numeric = new double[sample.length];
        for (int s = 0; s < sample.length; s++) {
            int k = sample[s];
            double v = values[k];
            values[k] = v + STEP;
            apply.accept(values);
            double plus = objective.getAsDouble();
            values[k] = v - STEP;
            apply.accept(values);
            double minus = objective.getAsDouble();
            values[k] = v;
            apply.accept(values);
            numeric[s] = (plus - minus) / (2 * STEP);
        }
        return numeric;
    }

    /** The elements of {@code all} at the sampled indices. */
    private static double[] picked(double[] all, int[] sample) {
        double[] out = new double[sample.length];
        for (int s = 0; s < sample.length; s++) {
            out[s] = all[sample[s]];
        }
        return out;
    }

    /** Compares sampled values and reports the first wrong element by its index in the whole array. */
    private static ErrorStats sampled(String what, double[] analytic, double[] numeric, int[] sample, double scale,
                                      double tol) {
        ErrorStats s = Comparison.compareScaled(what, analytic, numeric, scale, tol);
        if (s.firstWrong() < 0) {
            return s;
        }
        return new ErrorStats(s.what(), s.maxAbs(), s.maxRef(), s.maxRel(), s.tolerance(), s.wrong(),
                sample[s.firstWrong()], s.gotAt(), s.wantAt(), 1, 1, false, s.problem());
    }

    private static double maxAbs(double[] v) {
        double m = 0;
        for (double x : v) {
            m = Math.max(m, Math.abs(x));
        }
        return m;
    }

    /** The first and last index and seeded random ones, at most {@code samples}, in increasing order. */
    private static int[] sample(int length, SplittableRandom rnd, int samples) {
        Set<Integer> s = new LinkedHashSet<>();
        s.add(0);
        s.add(length - 1);
        while (s.size() < Math.min(length, samples)) {
            s.add(rnd.nextInt(length));
        }
        return s.stream().mapToInt(Integer::intValue).sorted().toArray();
    }

    /** Values a forward pass touches: every layer's activations for n cases plus every parameter. */
    private static long valueCount(NetDefinition def, int n) {
        long total = 0;
        for (Layer l : def.layers()) {
            total += (long) l.outputs() * n;
            for (var p : l.params()) {
                total += p.size();
            }
        }
        return total;
    }
}
