package org.jconvnet.backend.cpu.kernels;

import java.util.Arrays;
import org.jconvnet.api.kernel.contract.Norm;
import org.jconvnet.api.tensor.Tensor;
import org.jconvnet.backend.cpu.numeric.Elements;
import org.jconvnet.backend.cpu.numeric.Parallel;
import org.jconvnet.backend.cpu.numeric.Precision;

/**
 * cmrnorm, rnorm and cnorm (cuda-convnet.md §3.6 to §3.8, contracts "cmrnorm, rnorm, cnorm"), one code path over
 * a {@link Neighbourhood}:
 * <pre>
 * forward:  d_r = minDiv + addScale * sum_{q in W(r)} s_q^2,  y_r = x_r * d_r^-pow
 *           (s = x; for cnorm s = m = x - clipped-count mean of x over W, kept in meanDiffs)
 * backward: T_q = G_q y_q / d_q,  U_r = sum_{q : r in W(q)} T_q
 *           cmrnorm, rnorm: dx_s = G_s d_s^-pow - 2 addScale pow x_s U_s
 *           cnorm:          dx_s = G_s d_s^-pow - 2 addScale pow (m_s U_s - sum_{r : s in W(r)} m_r U_r / |W(r)|)
 * </pre>
 * cnorm's backward is the exact gradient, including the mean's dependence on x (cuda-convnet.md §10.8).
 */
final class NormKernels {

    private NormKernels() {
    }

    /** Launch-wide values shared by both ops. */
    private record Setup(Precision p, Neighbourhood nb, int rows, int n, int window, double addScale,
                         double pow, double minDiv) {
        /** The setup of {@code shape}, checking every tensor of the call (all are {@code C*S*S x N}). */
        static Setup of(Norm.Shape shape, int n, KernelContext c, java.util.Map<String, Tensor> tensors) {
            int rows = (int) shape.rows();
            tensors.forEach((name, t) -> c.requireSize(name, t, rows, n));
            Neighbourhood nb = Neighbourhood.of(shape);
            return new Setup(c.precision(), nb, rows, n, nb.maxSize(shape.size()), c.round(shape.addScale()),
                    c.round(shape.pow()), c.round(shape.minDiv()));
        }

        double scaleFactor(double d) {
            return p.round(Math.pow(d, -pow));
        }
    }

    /** A body run for each row with a neighbour list buffer and an accumulator over cases. */
    @FunctionalInterface
    private interface RowBody {
        void run(int row, int[] neighbours, double[] acc);
    }

    private static void forRows(Setup s, RowBody body) {
        Parallel.forRange(s.rows(), (long) s.window() * s.n(), (from, to) -> {
            int[] neighbours = new int[s.window()];
            double[] acc = new double[s.n()];
            for (int r = from; r < to; r++) {
                Arrays.fill(acc, 0);
                body.run(r, neighbours, acc);
            }
        });
    }

    /** {@code acc[n] (+)= sum over the listed rows of f(values[row, n])}, in list order. */
    private static void sumRows(Setup s, int[] list, int count, Elements values, boolean squared, double[] acc) {
        Precision p = s.p();
        int n = s.n();
        for (int k = 0; k < count; k++) {
            int base = list[k] * n;
            for (int i = 0; i < n; i++) {
                double v = values.get(base + i);
                acc[i] = p.round(acc[i] + (squared ? p.round(v * v) : v));
            }
        }
    }

    static void forward(Norm.Forward call, KernelContext c) {
        Setup s = Setup.of(call.shape(), call.numCases(), c, call.tensors());
        Precision p = s.p();
        int n = s.n();
        Elements x = Elements.of(call.input());
        Elements y = Elements.of(call.output());
        Elements denoms = Elements.of(call.denoms());
        Elements squared = x;
        if (call.shape().kind() == Norm.Kind.CNORM) {
            Elements mean = Elements.of(call.meanDiffs());
            forRows(s, (r, list, acc) -> {
                int count = s.nb().window(r, list);
                sumRows(s, list, count, x, false, acc);
                for (int i = 0; i < n; i++) {
                    mean.set(r * n + i, p.round(x.get(r * n + i) - p.round(acc[i] / count)));
                }
            });
            squared = mean;
        }
        Elements sumOf = squared;
        forRows(s, (r, list, acc) -> {
            sumRows(s, list, s.nb().window(r, list), sumOf, true, acc);
            for (int i = 0; i < n; i++) {
                int e = r * n + i;
                double d = p.round(s.minDiv() + p.round(s.addScale() * acc[i]));
                denoms.set(e, d);
                y.set(e, p.round(x.get(e) * s.scaleFactor(d)));
            }
        });
    }

    static void backwardInput(Norm.BackwardInput call, KernelContext c) {
        Setup s = Setup.of(call.shape(), call.numCases(), c, call.tensors());
        Norm.Kind kind = call.shape().kind();
        Precision p = s.p();
        int n = s.n();
        Elements x = Elements.of(call.input());
        Elements y = Elements.of(call.output());
        Elements denoms = Elements.of(call.denoms());
        Elements grad = Elements.of(call.outputGrad());
        Elements inGrad = Elements.of(call.inputGrad());
        boolean accumulate = call.accumulate();
        double twoAp = p.round(p.round(2 * s.addScale()) * s.pow());

        Elements t = Elements.scratch(c.precision(), s.rows() * n);
        forRows(s, (r, list, acc) -> {
            for (int i = r * n; i < (r + 1) * n; i++) {
                t.set(i, p.round(p.round(grad.get(i) * y.get(i)) / denoms.get(i)));
            }
        });
        Elements u = Elements.scratch(c.precision(), s.rows() * n);
        forRows(s, (r, list, acc) -> {
            sumRows(s, list, s.nb().reverse(r, list), t, false, acc);
            for (int i = 0; i < n; i++) {
                u.set(r * n + i, acc[i]);
            }
        });
        Elements m = kind == Norm.Kind.CNORM ? Elements.of(call.meanDiffs()) : x;
        forRows(s, (r, list, acc) -> {
            if (kind == Norm.Kind.CNORM) {
                // acc = sum over r' whose window holds r of m_r' U_r' / |W(r')|
                int count = s.nb().reverse(r, list);
                for (int k = 0; k < count; k++) {
                    int w = s.nb().windowCount(list[k]);
                    int base = list[k] * n;
                    for (int i = 0; i < n; i++) {
                        acc[i] = p.round(acc[i] + p.round(p.round(m.get(base + i) * u.get(base + i)) / w));
                    }
                }
            }
            for (int i = 0; i < n; i++) {
                int e = r * n + i;
                double second = p.round(p.round(m.get(e) * u.get(e)) - acc[i]);
                double dx = p.round(p.round(grad.get(e) * s.scaleFactor(denoms.get(e))) - p.round(twoAp * second));
                inGrad.put(e, dx, accumulate);
            }
        });
    }
}
