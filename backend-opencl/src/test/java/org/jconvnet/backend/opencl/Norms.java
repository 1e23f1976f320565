package org.jconvnet.backend.opencl;

import java.util.Map;

/**
 * float64 reference of cmrnorm, rnorm and cnorm written from the contract, by explicit windows
 * (forward) and by transposing the forward's dependencies (backward), so it shares no index
 * algebra with the OpenCL kernels, which invert the windows analytically.
 */
final class Norms {
    private Norms() {
    }

    static void run(String layer, String op, Map<String, double[]> t, Map<String, Integer> i,
                    Map<String, Double> r, int acc) {
        int n = i.get("numCases"), f = i.get("channels"), s = i.get("imgSize"), size = i.get("size");
        boolean blocked = i.getOrDefault("blocked", 0) == 1;
        double addScale = r.get("addScale"), pow = r.get("pow");
        double minDiv = r.getOrDefault("minDiv", 1.0);
        int plane = s * s * n;
        int total = f * plane;
        double[] x = t.get("input");
        // window(q): the elements whose squares make q's denominator
        int[][] win = new int[total][];
        for (int q = 0; q < total; q++) {
            int ch = q / plane, rest = q % plane, pix = rest / n, c = rest % n, y = pix / s, xx = pix % s;
            java.util.List<Integer> w = new java.util.ArrayList<>();
            if (layer.equals("cmrnorm")) {
                int lo = blocked ? (ch / size) * size : ch - size / 2;
                for (int g = Math.max(lo, 0); g < Math.min(lo + size, f); g++) {
                    w.add(g * plane + rest);
                }
            } else {
                for (int yy = Math.max(y - size / 2, 0); yy < Math.min(y - size / 2 + size, s); yy++) {
                    for (int x2 = Math.max(xx - size / 2, 0); x2 < Math.min(xx - size / 2 + size, s); x2++) {
                        w.add(ch * plane + (yy * s + x2) * n + c);
                    }
                }
            }
            win[q] = w.stream().mapToInt(Integer::intValue).toArray();
        }
        boolean cnorm = layer.equals("cnorm");
        if (op.equals("forward")) {
            double[] m = cnorm ? t.get("meanDiffs") : x;
            if (cnorm) {
                for (int q = 0; q < total; q++) {
                    double sum = 0;
                    for (int k : win[q]) {
                        sum += x[k];
                    }
                    m[q] = x[q] - sum / win[q].length;
                }
            }
            double[] out = t.get("output"), den = t.get("denoms");
            for (int q = 0; q < total; q++) {
                double sum = 0;
                for (int k : win[q]) {
                    sum += m[k] * m[k];
                }
                den[q] = minDiv + addScale * sum;
                out[q] = x[q] * Math.pow(den[q], -pow);
            }
            return;
        }
        double[] y = t.get("output"), den = t.get("denoms"), g = t.get("outputGrad"), ig = t.get("inputGrad");
        double[] m = cnorm ? t.get("meanDiffs") : x;
        // dCost/dm_k = -2 addScale pow sum_{q : k in win(q)} T_q m_k with T_q = G_q y_q / d_q
        double[] dm = new double[total];
        for (int q = 0; q < total; q++) {
            double tq = g[q] * y[q] / den[q];
            for (int k : win[q]) {
                dm[k] += -2 * addScale * pow * tq * m[k];
            }
        }
        double[] dx = new double[total];
        for (int q = 0; q < total; q++) {
            dx[q] += g[q] * Math.pow(den[q], -pow);
            dx[q] += dm[q];
            if (cnorm) { // m_q = x_q - mean_q: the mean spreads -dm_q / count over the window of q
                for (int k : win[q]) {
                    dx[k] -= dm[q] / win[q].length;
                }
            }
        }
        for (int q = 0; q < total; q++) {
            ig[q] = InlineReference.store(ig[q], dx[q], acc);
        }
    }
}
