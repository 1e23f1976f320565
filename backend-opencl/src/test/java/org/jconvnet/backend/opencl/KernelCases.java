package org.jconvnet.backend.opencl;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.jconvnet.api.kernel.Ops;

/**
 * The cases run for every kernel key: small random problems whose geometry exercises the edges
 * (padding, strides that do not divide, groups, sizes that are not multiples of the 4 x 4 register
 * blocks, clipped pooling and normalisation windows, ties).
 */
final class KernelCases {
    private KernelCases() {
    }

    /** Every case, each op with an {@code accumulate} flag once with 0 and once with 1. */
    static List<KernelCase> all() {
        Random rnd = new Random(20261126);
        List<KernelCase> out = new ArrayList<>();
        out.add(new KernelCase("tensor", Ops.SGD, "7x13").random("weights", 7, 13, rnd).random("grad", 7, 13, rnd)
                .random("inc", 7, 13, rnd).reals("gradScale", 0.01, "mom", 0.9, "decay", 0.0005)
                .writes("weights", "inc"));
        for (int repeat : new int[] {1, 4}) {
            out.add(new KernelCase("bias", "forward", "repeat=" + repeat).random("output", 12, 5, rnd)
                    .random("biases", 12 / repeat, 1, rnd).ints("numCases", 5, "repeat", repeat).writes("output"));
            out.add(new KernelCase("bias", "backward-weights", "repeat=" + repeat).random("outputGrad", 12, 5, rnd)
                    .random("biasesGrad", 12 / repeat, 1, rnd).ints("numCases", 5, "repeat", repeat)
                    .writes("biasesGrad").tolerance(1e-5, "sums of 60 float32 values"));
        }
        out.add(new KernelCase("bias", "forward", "repeat=2 N=11").random("output", 6, 11, rnd)
                .random("biases", 3, 1, rnd).ints("numCases", 11, "repeat", 2).writes("output"));
        int[][] convGeoms = { // N, C, S, F, fs, pad, stride, groups
            {5, 3, 8, 8, 3, 1, 1, 1}, {3, 4, 7, 6, 3, 0, 2, 2}, {7, 5, 6, 5, 5, 2, 3, 1}, {2, 2, 5, 9, 1, 0, 1, 1},
            // batches of at least one 8-case block (full-block paths, shifted last block, lane tail)
            {11, 8, 6, 16, 3, 1, 1, 1}, {16, 16, 5, 16, 3, 1, 2, 2}, {9, 4, 5, 8, 3, 0, 1, 1},
            // the tiled weight gradient: several 32-case steps (the last one partial), several
            // 32-row and 32-filter tiles (the last ones partial), groups with filters per group not a tile multiple
            {37, 8, 6, 40, 3, 1, 1, 1}, {33, 6, 5, 36, 3, 0, 1, 2},
            // the tiled input gradient: more than 32 channels per group (two channel tiles), stride 2
            {33, 36, 5, 8, 3, 1, 2, 1}};
        for (String layer : new String[] {"conv", "local"}) {
            for (int[] g : convGeoms) {
                conv(out, layer, g, rnd);
            }
        }
        fc(out, 6, 11, 7, rnd);
        fc(out, 9, 4, 13, rnd);
        // long sums that GPU backends cut into parts (SumSplit): forward over 300 inputs, weights over 200 cases
        fc(out, 5, 300, 10, rnd);
        fc(out, 200, 7, 3, rnd);
        int[][] poolGeoms = { // channels, S, sizeX, start, stride, outputsX, N
            {3, 7, 3, 0, 2, 3, 5}, {2, 6, 3, -1, 2, 3, 4}, {2, 5, 2, 0, 2, 3, 3}, {3, 6, 3, 0, 2, 3, 13},
            {2, 8, 2, 0, 3, 3, 9}, {2, 7, 3, 1, 1, 5, 4}}; // gaps between windows (sizeX < stride); start > 0
        for (int[] g : poolGeoms) {
            for (int avg = 0; avg <= 1; avg++) {
                pool(out, g, avg, rnd);
            }
        }
        norm(out, "cmrnorm", 7, 3, 4, 3, 0, 0.75, rnd);
        norm(out, "cmrnorm", 7, 3, 4, 4, 0, 0.75, rnd);
        norm(out, "cmrnorm", 7, 2, 3, 3, 1, 0.75, rnd);
        norm(out, "rnorm", 2, 5, 3, 3, 0, 0.75, rnd);
        norm(out, "rnorm", 3, 6, 2, 4, 0, 0.75, rnd);
        norm(out, "cnorm", 2, 5, 3, 3, 0, 0.75, rnd);
        norm(out, "cnorm", 2, 6, 2, 4, 0, 0.75, rnd);
        // batches of at least one 8-case chunk: the full-chunk path and a shifted last chunk
        norm(out, "cmrnorm", 9, 3, 11, 5, 0, 0.75, rnd);
        norm(out, "cmrnorm", 6, 2, 16, 3, 1, 0.75, rnd);
        norm(out, "rnorm", 2, 5, 10, 3, 0, 0.75, rnd);
        norm(out, "cnorm", 2, 4, 9, 3, 0, 0.75, rnd);
        // pow other than cuda-convnet's usual 0.75 takes the exp/log path
        norm(out, "cmrnorm", 5, 3, 9, 3, 0, 0.6, rnd);
        norm(out, "rnorm", 2, 4, 9, 3, 0, 0.6, rnd);
        norm(out, "cnorm", 2, 4, 3, 3, 0, 0.6, rnd);
        double[][] neuronAB = {{0, 0}, {0, 0}, {0, 0}, {1.7159, 0.6666}, {0, 0}, {0, 0}, {0, 0}, {2, -0.5}, {0, 0}, {0.6, 0}};
        for (int fn = 0; fn <= 9; fn++) {
            neuron(out, fn, neuronAB[fn][0], neuronAB[fn][1], rnd);
        }
        softmax(out, 10, 6, rnd);
        logreg(out, 5, 9, rnd);
        out.add(new KernelCase("cost.sum2", "forward", "6x5").random("input", 6, 5, rnd).random("output", 1, 5, rnd)
                .ints("numCases", 5).writes("output"));
        out.add(new KernelCase("cost.sum2", "backward-input", "6x5").random("input", 6, 5, rnd)
                .random("inputGrad", 6, 5, rnd).ints("numCases", 5).reals("coeff", 0.3).writes("inputGrad"));
        out.add(new KernelCase("eltsum", "forward", "4x6").random("input", 4, 6, rnd).random("output", 4, 6, rnd)
                .ints("numCases", 6).reals("coeff", 0.7).writes("output"));
        out.add(new KernelCase("eltsum", "backward-input", "4x6").random("outputGrad", 4, 6, rnd)
                .random("inputGrad", 4, 6, rnd).ints("numCases", 6).reals("coeff", -1.3).writes("inputGrad"));
        out.add(new KernelCase("eltmax", "forward", "4x6").random("input", 4, 6, rnd).random("output", 4, 6, rnd)
                .ints("numCases", 6).writes("output"));
        KernelCase em = new KernelCase("eltmax", "backward-input", "4x6").random("input", 4, 6, rnd)
                .random("output", 4, 6, rnd).random("outputGrad", 4, 6, rnd).random("inputGrad", 4, 6, rnd)
                .ints("numCases", 6).writes("inputGrad");
        double[] in = em.data.get("input"), o = em.data.get("output");
        for (int k = 0; k < in.length; k++) {
            o[k] = Math.max(o[k], in[k]); // about half the elements are the max: their gradient passes
        }
        out.add(em);
        List<KernelCase> withFlags = new ArrayList<>();
        for (KernelCase c : out) {
            boolean hasFlag = !(c.layer.equals("tensor") || c.layer.equals("bias") || c.op.equals("forward")
                    && !(c.layer.equals("conv") || c.layer.equals("local") || c.layer.equals("fc")
                    || c.layer.equals("eltsum") || c.layer.equals("eltmax")));
            if (hasFlag) {
                withFlags.add(c.withAccumulate(0));
                withFlags.add(c.withAccumulate(1));
            } else {
                withFlags.add(c);
            }
        }
        return withFlags;
    }

    private static void conv(List<KernelCase> out, String layer, int[] g, Random rnd) {
        int n = g[0], c = g[1], s = g[2], f = g[3], fs = g[4], p = g[5], st = g[6], grp = g[7];
        int m = 1 + (2 * p + s - fs + st - 1) / st;
        int cf = c / grp;
        int wRows = (layer.equals("local") ? m * m : 1) * cf * fs * fs;
        String label = String.format("N=%d C=%d S=%d F=%d fs=%d pad=%d stride=%d groups=%d M=%d", n, c, s, f, fs, p, st, grp, m);
        Object[] ints = {"numCases", n, "channels", c, "imgSize", s, "filters", f, "filterSize", fs, "padding", p,
            "stride", st, "modulesX", m, "groups", grp};
        String why = "sums of up to " + cf * fs * fs * Math.max(n, 1) * m * m + " float32 products";
        out.add(new KernelCase(layer, "forward", label).random("input", c * s * s, n, rnd).random("weights", wRows, f, rnd)
                .random("output", f * m * m, n, rnd).ints(ints).writes("output").tolerance(1e-5, why));
        out.add(new KernelCase(layer, "backward-input", label).random("outputGrad", f * m * m, n, rnd)
                .random("weights", wRows, f, rnd).random("inputGrad", c * s * s, n, rnd).ints(ints).writes("inputGrad")
                .tolerance(1e-5, why));
        out.add(new KernelCase(layer, "backward-weights", label).random("input", c * s * s, n, rnd)
                .random("outputGrad", f * m * m, n, rnd).random("weightsGrad", wRows, f, rnd).ints(ints)
                .writes("weightsGrad").tolerance(1e-5, why));
    }

    private static void fc(List<KernelCase> out, int n, int din, int dout, Random rnd) {
        String label = "N=" + n + " in=" + din + " out=" + dout;
        Object[] ints = {"numCases", n, "inputs", din, "outputs", dout};
        out.add(new KernelCase("fc", "forward", label).random("input", din, n, rnd).random("weights", din, dout, rnd)
                .random("output", dout, n, rnd).ints(ints).writes("output"));
        out.add(new KernelCase("fc", "backward-input", label).random("outputGrad", dout, n, rnd)
                .random("weights", din, dout, rnd).random("inputGrad", din, n, rnd).ints(ints).writes("inputGrad"));
        out.add(new KernelCase("fc", "backward-weights", label).random("input", din, n, rnd)
                .random("outputGrad", dout, n, rnd).random("weightsGrad", din, dout, rnd).ints(ints).writes("weightsGrad"));
    }

    private static void pool(List<KernelCase> out, int[] g, int avg, Random rnd) {
        int c = g[0], s = g[1], sx = g[2], start = g[3], st = g[4], o = g[5], n = g[6];
        String label = String.format("%s C=%d S=%d sizeX=%d start=%d stride=%d O=%d N=%d", avg == 1 ? "avg" : "max",
                c, s, sx, start, st, o, n);
        Object[] ints = {"numCases", n, "channels", c, "imgSize", s, "sizeX", sx, "start", start, "stride", st,
            "outputsX", o, "average", avg};
        out.add(new KernelCase("pool", "forward", label).random("input", c * s * s, n, rnd).random("output", c * o * o, n, rnd)
                .ints(ints).writes("output"));
        KernelCase b = new KernelCase("pool", "backward-input", label).random("input", c * s * s, n, rnd)
                .random("output", c * o * o, n, rnd).random("outputGrad", c * o * o, n, rnd)
                .random("inputGrad", c * s * s, n, rnd).ints(ints).writes("inputGrad");
        forward(b, "pool", "output");
        out.add(b);
    }

    private static void norm(List<KernelCase> out, String layer, int f, int s, int n, int size, int blocked,
                             double powv, Random rnd) {
        String label = String.format("F=%d S=%d N=%d size=%d pow=%s%s", f, s, n, size, powv, blocked == 1 ? " blocked" : "");
        double addScale = layer.equals("cmrnorm") ? 0.5 / size : 0.5 / (size * size);
        int rows = f * s * s;
        KernelCase fw = new KernelCase(layer, "forward", label).random("input", rows, n, rnd)
                .random("output", rows, n, rnd).random("denoms", rows, n, rnd)
                .ints("numCases", n, "channels", f, "imgSize", s, "size", size)
                .reals("addScale", addScale, "pow", powv, "minDiv", layer.equals("rnorm") ? 2.0 : 1.0)
                .tolerance(1e-5, "float32 pow of a short sum");
        if (layer.equals("cmrnorm")) {
            fw.ints("blocked", blocked);
        }
        if (layer.equals("cnorm")) {
            fw.random("meanDiffs", rows, n, rnd).writes("output", "denoms", "meanDiffs");
        } else {
            fw.writes("output", "denoms");
        }
        out.add(fw);
        KernelCase bw = new KernelCase(layer, "backward-input", label);
        fw.shapes.forEach((k, v) -> bw.tensor(k, v[0], v[1], fw.data.get(k)));
        bw.ints.putAll(fw.ints);
        bw.reals.putAll(fw.reals);
        bw.random("outputGrad", rows, n, rnd).random("inputGrad", rows, n, rnd).writes("inputGrad")
                .tolerance(2e-5, "float32 pow and a two-level windowed sum");
        forward(bw, layer, "output", "denoms", "meanDiffs");
        out.add(bw);
    }

    private static void neuron(List<KernelCase> out, int fn, double a, double b, Random rnd) {
        String label = "function=" + fn;
        KernelCase fw = new KernelCase("neuron", "forward", label).random("input", 5, 7, rnd).random("output", 5, 7, rnd)
                .ints("numCases", 7, "function", fn).reals("a", a, "b", b).writes("output")
                .tolerance(1e-6, "one float32 transcendental");
        if (fn == 6) {
            double[] x = fw.data.get("input");
            for (int k = 0; k < x.length; k++) {
                x[k] = (float) (Math.abs(x[k]) + 0.05);
            }
        }
        if (fn == 8) {
            fw.data.get("input")[0] = 4.5f; // the x > 4 branch of softrelu
            fw.data.get("input")[1] = 4.0f;
        }
        out.add(fw);
        KernelCase bw = new KernelCase("neuron", "backward-input", label);
        bw.tensor("input", 5, 7, fw.data.get("input")).random("output", 5, 7, rnd).random("outputGrad", 5, 7, rnd)
                .random("inputGrad", 5, 7, rnd).ints("numCases", 7, "function", fn).reals("a", a, "b", b)
                .writes("inputGrad").tolerance(1e-6, "one float32 transcendental");
        forward(bw, "neuron", "output");
        out.add(bw);
    }

    private static void softmax(List<KernelCase> out, int d, int n, Random rnd) {
        String label = "D=" + d + " N=" + n;
        out.add(new KernelCase("softmax", "forward", label).random("input", d, n, rnd).random("output", d, n, rnd)
                .ints("numCases", n, "classes", d).writes("output"));
        KernelCase bw = new KernelCase("softmax", "backward-input", label).random("input", d, n, rnd)
                .random("output", d, n, rnd).random("outputGrad", d, n, rnd).random("inputGrad", d, n, rnd)
                .ints("numCases", n, "classes", d).writes("inputGrad");
        forward(bw, "softmax", "output");
        bw.data.remove("input");
        bw.shapes.remove("input");
        out.add(bw);
    }

    private static void logreg(List<KernelCase> out, int k, int n, Random rnd) {
        String label = "K=" + k + " N=" + n;
        double[] probs = new double[k * n];
        double[] labels = new double[n];
        for (int c = 0; c < n; c++) {
            double sum = 0;
            for (int j = 0; j < k; j++) {
                probs[j * n + c] = Math.exp(rnd.nextGaussian());
                sum += probs[j * n + c];
            }
            for (int j = 0; j < k; j++) {
                probs[j * n + c] = (float) (probs[j * n + c] / sum);
            }
            labels[c] = rnd.nextInt(k);
        }
        for (int j = 0; j < k; j++) {
            probs[j * n] = 0.2f; // case 0: all classes tie, the error is 1 - 1/K
        }
        labels[1] = argmax(probs, k, n, 1); // case 1: label is the unique maximum, error 0
        for (String op : new String[] {Ops.FORWARD, Ops.BACKWARD_INPUT, Ops.BACKWARD_SOFTMAX}) {
            KernelCase c = new KernelCase("cost.logreg", op, label).tensor("labels", 1, n, labels)
                    .tensor("probs", k, n, probs).ints("numCases", n, "classes", k);
            if (op.equals("forward")) {
                c.random("output", 2, n, rnd).writes("output");
            } else {
                c.random("inputGrad", k, n, rnd).reals("coeff", 1.5).writes("inputGrad");
            }
            out.add(c);
        }
    }

    private static int argmax(double[] p, int k, int n, int c) {
        int best = 0;
        for (int j = 1; j < k; j++) {
            if (p[j * n + c] > p[best * n + c]) {
                best = j;
            }
        }
        return best;
    }

    /** Fills the named tensors of a backward case with the layer's forward results (float-rounded). */
    private static void forward(KernelCase c, String layer, String... names) {
        Map<String, double[]> t = c.copyData();
        InlineReference.run(layer, "forward", t, c.ints, c.reals);
        for (String name : names) {
            if (c.data.containsKey(name)) {
                double[] v = t.get(name);
                double[] dst = c.data.get(name);
                for (int k = 0; k < v.length; k++) {
                    dst[k] = (float) v[k];
                }
            }
        }
    }
}
