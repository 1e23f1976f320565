package org.jconvnet.layers.numeric;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.ToDoubleFunction;
import org.jconvnet.api.layer.Layer;
import org.jconvnet.api.layer.ParamSpec;
import org.jconvnet.api.layer.PassMode;
import org.jconvnet.layers.net.Net;
import org.jconvnet.layers.net.NetDefinition;

/**
 * Central-difference gradient checks through a {@link Net} in float64: the analytic gradients of
 * a scalar objective with respect to data inputs (via data gradients) and parameters are compared
 * with {@code (J(x+h) - J(x-h)) / 2h} on a random subset of elements.
 *
 * <p>The objective is the net's cost objective when {@code layer} is a cost layer, else
 * {@code sum(G .* output(layer))} for a fixed random G, backpropagated with {@code backwardFrom}.
 */
final class GradCheck {
    static final double H = 1e-6;

    private final Net net;
    private final NetDefinition def;
    private final Layer layer;
    private final Map<Integer, double[]> data;
    private final int numCases;
    private final double[] g;

    GradCheck(Net net, String layerName, Map<Integer, double[]> data, int numCases, Random rng) {
        this.net = net;
        this.def = net.definition();
        this.layer = def.layer(layerName);
        this.data = new HashMap<>(data);
        this.numCases = numCases;
        this.g = new double[layer.outputs() * numCases];
        for (int i = 0; i < g.length; i++) {
            g[i] = rng.nextGaussian();
        }
    }

    double objective() {
        net.forward(data, numCases, PassMode.TRAIN);
        if (layer.isCost()) {
            return net.objective();
        }
        double[] out = net.output(layer.name());
        double s = 0;
        for (int i = 0; i < out.length; i++) {
            s += g[i] * out[i];
        }
        return s;
    }

    void analytic() {
        net.computeDataGradients(true);
        objective();
        if (layer.isCost()) {
            net.backward();
        } else {
            net.backwardFrom(layer.name(), g);
        }
    }

    /**
     * Checks every non-label data input (listed by index in {@code dataIdx}) and every parameter of
     * every layer; returns the worst relative error per tensor name.
     */
    Map<String, Double> run(List<Integer> dataIdx, int samples, Random rng) {
        analytic();
        Map<String, double[]> analyticGrads = new LinkedHashMap<>();
        for (int idx : dataIdx) {
            analyticGrads.put("data" + idx, net.outputGrad(dataLayer(idx)));
        }
        for (Layer l : def.layers()) {
            for (ParamSpec p : l.params()) {
                analyticGrads.put(l.name() + "." + p.name(), net.getParamGrad(l.name(), p.name()));
            }
        }
        Map<String, Double> errors = new LinkedHashMap<>();
        for (Map.Entry<String, double[]> e : analyticGrads.entrySet()) {
            String key = e.getKey();
            double[] ana = e.getValue();
            int[] picks = picks(ana.length, samples, rng);
            double[] num = new double[picks.length];
            double[] anaPicked = new double[picks.length];
            for (int k = 0; k < picks.length; k++) {
                int at = picks[k];
                anaPicked[k] = ana[at];
                num[k] = central(key, at);
            }
            errors.put(key, err(num, anaPicked));
        }
        return errors;
    }

    private double central(String key, int at) {
        if (key.startsWith("data") && !key.contains(".")) {
            double[] v = data.get(Integer.parseInt(key.substring(4)));
            double old = v[at];
            v[at] = old + H;
            double plus = objective();
            v[at] = old - H;
            double minus = objective();
            v[at] = old;
            return (plus - minus) / (2 * H);
        }
        int dot = key.indexOf('.');
        String l = key.substring(0, dot);
        String p = key.substring(dot + 1);
        double[] w = net.getParam(l, p);
        double old = w[at];
        w[at] = old + H;
        net.setParam(l, p, w);
        double plus = objective();
        w[at] = old - H;
        net.setParam(l, p, w);
        double minus = objective();
        w[at] = old;
        net.setParam(l, p, w);
        return (plus - minus) / (2 * H);
    }

    private String dataLayer(int idx) {
        for (Layer l : def.layers()) {
            if (l.dataIndex().isPresent() && l.dataIndex().get() == idx) {
                return l.name();
            }
        }
        throw new IllegalArgumentException("no data layer for index " + idx);
    }

    private static int[] picks(int n, int samples, Random rng) {
        if (n <= samples) {
            int[] all = new int[n];
            for (int i = 0; i < n; i++) {
                all[i] = i;
            }
            return all;
        }
        int[] p = new int[samples];
        for (int i = 0; i < samples; i++) {
            p[i] = rng.nextInt(n);
        }
        return p;
    }

    /** Relative error with a floor so all-zero gradients compare absolutely. */
    static double err(double[] num, double[] ana) {
        double d = 0;
        double a = 0;
        double b = 0;
        for (int i = 0; i < num.length; i++) {
            d += (num[i] - ana[i]) * (num[i] - ana[i]);
            a += ana[i] * ana[i];
            b += num[i] * num[i];
        }
        return Math.sqrt(d) / Math.max(Math.max(Math.sqrt(a), Math.sqrt(b)), 1e-3);
    }

    static <T> List<T> filter(List<T> all, ToDoubleFunction<T> size, double max) {
        List<T> out = new ArrayList<>();
        for (T t : all) {
            if (size.applyAsDouble(t) <= max) {
                out.add(t);
            }
        }
        return out;
    }
}
