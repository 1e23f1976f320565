package org.jconvnet.backend.opencl;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * One kernel launch to compare across backends: the key, named tensors with their shapes and
 * initial contents (outputs start random, so accumulate=1 is tested against real contents),
 * scalars, which tensors the kernel writes, and the tolerance with its reason.
 */
final class KernelCase {
    final String layer;
    final String op;
    final String label;
    final Map<String, int[]> shapes = new LinkedHashMap<>();
    final Map<String, double[]> data = new LinkedHashMap<>();
    final Map<String, Integer> ints = new LinkedHashMap<>();
    final Map<String, Double> reals = new LinkedHashMap<>();
    List<String> outputs = List.of();
    double tolerance = 1e-5;
    String reason = "a few float32 roundings";

    KernelCase(String layer, String op, String label) {
        this.layer = layer;
        this.op = op;
        this.label = label;
    }

    /** Adds a tensor of {@code rows x cols} uniform in [-1, 1), rounded to float so both sides see the same values. */
    KernelCase random(String name, int rows, int cols, Random rnd) {
        double[] v = new double[rows * cols];
        for (int k = 0; k < v.length; k++) {
            v[k] = (float) (rnd.nextDouble() * 2 - 1);
        }
        return tensor(name, rows, cols, v);
    }

    /** Adds a tensor with the given contents. */
    KernelCase tensor(String name, int rows, int cols, double[] v) {
        if (v.length != rows * cols) {
            throw new IllegalArgumentException(name + ": " + v.length + " values for " + rows + "x" + cols);
        }
        shapes.put(name, new int[] {rows, cols});
        double[] f = new double[v.length];
        for (int k = 0; k < v.length; k++) {
            f[k] = (float) v[k];
        }
        data.put(name, f);
        return this;
    }

    KernelCase ints(Object... kv) {
        for (int k = 0; k < kv.length; k += 2) {
            ints.put((String) kv[k], (Integer) kv[k + 1]);
        }
        return this;
    }

    KernelCase reals(Object... kv) {
        for (int k = 0; k < kv.length; k += 2) {
            reals.put((String) kv[k], ((Number) kv[k + 1]).doubleValue());
        }
        return this;
    }

    KernelCase writes(String... names) {
        outputs = List.of(names);
        return this;
    }

    KernelCase tolerance(double tol, String why) {
        tolerance = tol;
        reason = why;
        return this;
    }

    /** A copy with {@code accumulate} set (the same random contents). */
    KernelCase withAccumulate(int acc) {
        KernelCase c = new KernelCase(layer, op, label + " acc=" + acc);
        shapes.forEach((k, v) -> c.shapes.put(k, v.clone()));
        data.forEach((k, v) -> c.data.put(k, v.clone()));
        c.ints.putAll(ints);
        c.ints.put("accumulate", acc);
        c.reals.putAll(reals);
        c.outputs = outputs;
        c.tolerance = tolerance;
        c.reason = reason;
        return c;
    }

    /** Fresh copies of the initial contents. */
    Map<String, double[]> copyData() {
        Map<String, double[]> m = new LinkedHashMap<>();
        data.forEach((k, v) -> m.put(k, v.clone()));
        return m;
    }

    @Override
    public String toString() {
        return layer + "/" + op + " " + label;
    }
}
