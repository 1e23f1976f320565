package org.jconvnet.backend.opencl;

import java.util.Map;

/**
 * Straightforward float64 implementations of the kernel contracts (docs/kernel-contracts.md),
 * written from the contract text independently of the OpenCL sources. Used as the oracle when the
 * CPU reference backend does not (yet) have a key, and to build consistent inputs for backward
 * tests (e.g. a max-pool output the gradient can match). Each method reads and writes the named
 * arrays of {@code t} in place.
 */
final class InlineReference {
    private InlineReference() {
    }

    /** Runs the contract of {@code layer/op} on {@code t}. */
    static void run(String layer, String op, Map<String, double[]> t, Map<String, Integer> i, Map<String, Double> r) {
        String key = layer + "/" + op;
        int acc = i.getOrDefault("accumulate", 0);
        switch (key) {
            case "tensor/sgd": {
                double[] w = t.get("weights"), g = t.get("grad"), inc = t.get("inc");
                for (int k = 0; k < w.length; k++) {
                    inc[k] = r.get("mom") * inc[k] - r.get("gradScale") * g[k] - r.get("decay") * w[k];
                    w[k] += inc[k];
                }
                return;
            }
            case "bias/forward": {
                double[] out = t.get("output"), b = t.get("biases");
                int n = i.get("numCases"), rep = i.get("repeat");
                for (int k = 0; k < out.length; k++) {
                    out[k] += b[(k / n) / rep];
                }
                return;
            }
            case "bias/backward-weights": {
                double[] g = t.get("outputGrad"), bg = t.get("biasesGrad");
                int n = i.get("numCases"), rep = i.get("repeat");
                java.util.Arrays.fill(bg, 0);
                for (int k = 0; k < g.length; k++) {
                    bg[(k / n) / rep] += g[k];
                }
                return;
            }
            case "fc/forward": case "fc/backward-input": case "fc/backward-weights":
                fc(op, t, i.get("numCases"), i.get("inputs"), i.get("outputs"), acc);
                return;
            case "conv/forward": case "conv/backward-input": case "conv/backward-weights":
            case "local/forward": case "local/backward-input": case "local/backward-weights":
                conv(layer.equals("local"), op, t, i, acc);
                return;
            case "pool/forward": case "pool/backward-input":
                pool(op, t, i, acc);
                return;
            case "cmrnorm/forward": case "cmrnorm/backward-input": case "rnorm/forward": case "rnorm/backward-input":
            case "cnorm/forward": case "cnorm/backward-input":
                Norms.run(layer, op, t, i, r, acc);
                return;
            case "neuron/forward": case "neuron/backward-input":
                neuron(op, t, i.get("function"), r.get("a"), r.get("b"), acc);
                return;
            case "softmax/forward": case "softmax/backward-input":
                softmax(op, t, i.get("numCases"), i.get("classes"), acc);
                return;
            case "cost.logreg/forward": case "cost.logreg/backward-input": case "cost.logreg/backward-softmax":
                logreg(op, t, i.get("numCases"), i.get("classes"), r.getOrDefault("coeff", 0.0), acc);
                return;
            case "cost.sum2/forward": {
                double[] in = t.get("input"), out = t.get("output");
                int n = i.get("numCases");
                java.util.Arrays.fill(out, 0);
                for (int k = 0; k < in.length; k++) {
                    out[k % n] += in[k] * in[k];
                }
                return;
            }
            case "cost.sum2/backward-input": {
                double[] in = t.get("input"), g = t.get("inputGrad");
                for (int k = 0; k < in.length; k++) {
                    g[k] = store(g[k], 2 * r.get("coeff") * in[k], acc);
                }
                return;
            }
            case "eltsum/forward": case "eltsum/backward-input": {
                double[] s = t.get(op.equals("forward") ? "input" : "outputGrad");
                double[] d = t.get(op.equals("forward") ? "output" : "inputGrad");
                for (int k = 0; k < s.length; k++) {
                    d[k] = store(d[k], r.get("coeff") * s[k], acc);
                }
                return;
            }
            case "eltmax/forward": {
                double[] in = t.get("input"), out = t.get("output");
                for (int k = 0; k < in.length; k++) {
                    out[k] = acc == 1 ? Math.max(out[k], in[k]) : in[k];
                }
                return;
            }
            case "eltmax/backward-input": {
                double[] in = t.get("input"), out = t.get("output"), g = t.get("outputGrad"), ig = t.get("inputGrad");
                for (int k = 0; k < in.length; k++) {
                    ig[k] = store(ig[k], in[k] == out[k] ? g[k] : 0, acc);
                }
                return;
            }
            default:
                throw new IllegalArgumentException("no inline reference for " + key);
        }
    }

    static double store(double old, double v, int acc) {
        return acc == 1 ? old + v : v;
    }

    private static void fc(String op, Map<String, double[]> t, int n, int din, int dout, int acc) {
        double[] w = t.get("weights");
        if (op.equals("forward")) {
            double[] in = t.get("input"), out = t.get("output");
            for (int j = 0; j < dout; j++) {
                for (int c = 0; c < n; c++) {
                    double s = 0;
                    for (int k = 0; k < din; k++) {
                        s += in[k * n + c] * w[j * din + k];
                    }
                    out[j * n + c] = store(out[j * n + c], s, acc);
                }
            }
        } else if (op.equals("backward-input")) {
            double[] g = t.get("outputGrad"), ig = t.get("inputGrad");
            for (int k = 0; k < din; k++) {
                for (int c = 0; c < n; c++) {
                    double s = 0;
                    for (int j = 0; j < dout; j++) {
                        s += g[j * n + c] * w[j * din + k];
                    }
                    ig[k * n + c] = store(ig[k * n + c], s, acc);
                }
            }
        } else {
            double[] in = t.get("input"), g = t.get("outputGrad"), dw = t.get("weightsGrad");
            for (int k = 0; k < din; k++) {
                for (int j = 0; j < dout; j++) {
                    double s = 0;
                    for (int c = 0; c < n; c++) {
                        s += in[k * n + c] * g[j * n + c];
                    }
                    dw[j * din + k] = store(dw[j * din + k], s, acc);
                }
            }
        }
    }

    private static void conv(boolean local, String op, Map<String, double[]> t, Map<String, Integer> i, int acc) {
        int n = i.get("numCases"), ch = i.get("channels"), s = i.get("imgSize"), f = i.get("filters");
        int fs = i.get("filterSize"), p = i.get("padding"), st = i.get("stride"), m = i.get("modulesX");
        int g = i.get("groups");
        int cf = ch / g, fg = f / g;
        double[] in = t.get(op.equals("backward-input") ? "inputGrad" : "input");
        double[] out = t.get(op.equals("forward") ? "output" : "outputGrad");
        double[] w = t.get(op.equals("backward-weights") ? "weightsGrad" : "weights");
        double[] sumIn = new double[in.length];
        double[] sumW = new double[w.length];
        double[] sumOut = new double[out.length];
        for (int fi = 0; fi < f; fi++) {
            int grp = fi / fg;
            for (int my = 0; my < m; my++) {
                for (int mx = 0; mx < m; mx++) {
                    int mod = my * m + mx;
                    for (int c = 0; c < cf; c++) {
                        for (int fy = 0; fy < fs; fy++) {
                            for (int fx = 0; fx < fs; fx++) {
                                int y = my * st - p + fy, x = mx * st - p + fx;
                                if (y < 0 || y >= s || x < 0 || x >= s) {
                                    continue;
                                }
                                int wi = (((local ? mod * cf : 0) + c) * fs * fs + fy * fs + fx) * f + fi;
                                for (int c2 = 0; c2 < n; c2++) {
                                    int ii = (((grp * cf + c) * s + y) * s + x) * n + c2;
                                    int oi = (fi * m * m + mod) * n + c2;
                                    sumOut[oi] += w[wi] * in[ii];
                                    sumIn[ii] += w[wi] * out[oi];
                                    sumW[wi] += in[ii] * out[oi];
                                }
                            }
                        }
                    }
                }
            }
        }
        double[] target = op.equals("forward") ? out : op.equals("backward-input") ? in : w;
        double[] sum = op.equals("forward") ? sumOut : op.equals("backward-input") ? sumIn : sumW;
        for (int k = 0; k < target.length; k++) {
            target[k] = store(target[k], sum[k], acc);
        }
    }

    private static void pool(String op, Map<String, double[]> t, Map<String, Integer> i, int acc) {
        int n = i.get("numCases"), ch = i.get("channels"), s = i.get("imgSize"), sx = i.get("sizeX");
        int start = i.get("start"), st = i.get("stride"), o = i.get("outputsX");
        boolean avg = i.get("average") == 1;
        double[] in = t.get("input"), out = t.get("output");
        double[] g = t.get("outputGrad"), ig = t.get("inputGrad");
        double[] gsum = ig == null ? null : new double[ig.length];
        for (int c = 0; c < ch; c++) {
            for (int oy = 0; oy < o; oy++) {
                for (int ox = 0; ox < o; ox++) {
                    int y0 = Math.max(0, start + oy * st), y1 = Math.min(s, start + oy * st + sx);
                    int x0 = Math.max(0, start + ox * st), x1 = Math.min(s, start + ox * st + sx);
                    int count = Math.max(0, y1 - y0) * Math.max(0, x1 - x0);
                    for (int c2 = 0; c2 < n; c2++) {
                        int oi = ((c * o + oy) * o + ox) * n + c2;
                        double v = avg ? 0 : -2e38;
                        for (int y = y0; y < y1; y++) {
                            for (int x = x0; x < x1; x++) {
                                int ii = ((c * s + y) * s + x) * n + c2;
                                if (op.equals("forward")) {
                                    v = avg ? v + in[ii] : Math.max(v, in[ii]);
                                } else if (avg) {
                                    gsum[ii] += g[oi] / count;
                                } else if (in[ii] == out[oi]) {
                                    gsum[ii] += g[oi];
                                }
                            }
                        }
                        if (op.equals("forward")) {
                            out[oi] = avg ? (count > 0 ? v / count : 0) : v;
                        }
                    }
                }
            }
        }
        if (gsum != null) {
            for (int k = 0; k < ig.length; k++) {
                ig[k] = store(ig[k], gsum[k], acc);
            }
        }
    }

    private static void neuron(String op, Map<String, double[]> t, int fn, double a, double b, int acc) {
        double[] in = t.get("input"), out = t.get("output");
        for (int k = 0; k < in.length; k++) {
            double x = in[k];
            if (op.equals("forward")) {
                out[k] = fn == 1 ? (x < 0 ? 0 : x) : fn == 2 ? 1 / (1 + Math.exp(-x)) : fn == 3 ? a * Math.tanh(b * x)
                        : fn == 4 ? Math.abs(x) : fn == 5 ? x * x : fn == 6 ? Math.sqrt(x) : fn == 7 ? a * x + b
                        : fn == 8 ? (x > 4 ? x : Math.log(1 + Math.exp(x))) : fn == 9 ? Math.min(a, Math.max(0, x)) : x;
            } else {
                double y = out[k];
                double d = fn == 1 ? (y > 0 ? 1 : 0) : fn == 2 ? y * (1 - y) : fn == 3 ? a * b * (1 - (y / a) * (y / a))
                        : fn == 4 ? (x > 0 ? 1 : -1) : fn == 5 ? 2 * x : fn == 6 ? 1 / (2 * y) : fn == 7 ? a
                        : fn == 8 ? 1 - Math.exp(-y) : fn == 9 ? (y > 0 && y < a ? 1 : 0) : 1;
                double[] ig = t.get("inputGrad");
                ig[k] = store(ig[k], t.get("outputGrad")[k] * d, acc);
            }
        }
    }

    private static void softmax(String op, Map<String, double[]> t, int n, int d, int acc) {
        for (int c = 0; c < n; c++) {
            if (op.equals("forward")) {
                double[] in = t.get("input"), out = t.get("output");
                double mx = Double.NEGATIVE_INFINITY, sum = 0;
                for (int j = 0; j < d; j++) {
                    mx = Math.max(mx, in[j * n + c]);
                }
                for (int j = 0; j < d; j++) {
                    sum += Math.exp(in[j * n + c] - mx);
                }
                for (int j = 0; j < d; j++) {
                    out[j * n + c] = Math.exp(in[j * n + c] - mx) / sum;
                }
            } else {
                double[] y = t.get("output"), g = t.get("outputGrad"), ig = t.get("inputGrad");
                double dot = 0;
                for (int j = 0; j < d; j++) {
                    dot += g[j * n + c] * y[j * n + c];
                }
                for (int j = 0; j < d; j++) {
                    int k = j * n + c;
                    ig[k] = store(ig[k], y[k] * (g[k] - dot), acc);
                }
            }
        }
    }

    private static void logreg(String op, Map<String, double[]> t, int n, int k, double coeff, int acc) {
        double[] labels = t.get("labels"), p = t.get("probs");
        for (int c = 0; c < n; c++) {
            int l = (int) labels[c];
            if (op.equals("forward")) {
                double mx = Double.NEGATIVE_INFINITY;
                int ties = 0;
                for (int j = 0; j < k; j++) {
                    mx = Math.max(mx, p[j * n + c]);
                }
                for (int j = 0; j < k; j++) {
                    ties += p[j * n + c] == mx ? 1 : 0;
                }
                double[] out = t.get("output");
                out[c] = -Math.log(p[l * n + c]);
                out[n + c] = 1 - (p[l * n + c] == mx ? 1.0 / ties : 0);
            } else {
                double[] ig = t.get("inputGrad");
                for (int j = 0; j < k; j++) {
                    int at = j * n + c;
                    double v = op.equals("backward-input") ? (j == l ? -coeff / p[at] : 0)
                            : coeff * (p[at] - (j == l ? 1 : 0));
                    ig[at] = store(ig[at], v, acc);
                }
            }
        }
    }
}
