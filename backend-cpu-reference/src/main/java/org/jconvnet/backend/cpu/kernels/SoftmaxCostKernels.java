package org.jconvnet.backend.cpu.kernels;

import org.jconvnet.api.kernel.KernelCall;
import org.jconvnet.api.kernel.contract.Logreg;
import org.jconvnet.api.kernel.contract.Softmax;
import org.jconvnet.api.kernel.contract.Sum2;
import org.jconvnet.backend.cpu.numeric.Elements;
import org.jconvnet.backend.cpu.numeric.Parallel;
import org.jconvnet.backend.cpu.numeric.Precision;

/**
 * softmax, cost.logreg and cost.sum2 (cuda-convnet.md §3.10 and §3.11). All work per case n,
 * on the column {@code [j*N + n]} of a {@code D x N} matrix.
 */
final class SoftmaxCostKernels {

    private SoftmaxCostKernels() {
    }

    /** A body run for one case (column). */
    @FunctionalInterface
    private interface CaseBody {
        void run(int n);
    }

    /**
     * Checks the sizes of a softmax or logreg call's tensors: {@code classes x N}, except labels
     * {@code 1 x N} and logreg's output {@code 2 x N}.
     */
    private static void requireSizes(KernelContext c, KernelCall call, int classes, int n) {
        boolean logreg = call.layerType().equals(Logreg.TYPE);
        call.tensors().forEach((name, t) -> c.requireSize(name, t,
                name.equals("labels") ? 1 : name.equals("output") && logreg ? 2 : classes, n));
    }

    private static void forCases(int numCases, int rows, CaseBody body) {
        Parallel.forRange(numCases, rows * 8L, (from, to) -> {
            for (int n = from; n < to; n++) {
                body.run(n);
            }
        });
    }

    /** {@code y_j = exp(x_j - max x) / sum_k exp(x_k - max x)} per case. */
    static void softmaxForward(Softmax.Forward call, KernelContext c) {
        int n = call.numCases();
        int classes = call.classes();
        requireSizes(c, call, classes, n);
        Precision p = c.precision();
        Elements x = Elements.of(call.input());
        Elements y = Elements.of(call.output());
        forCases(n, classes, i -> {
            double max = Double.NEGATIVE_INFINITY;
            for (int j = 0; j < classes; j++) {
                max = Math.max(max, x.get(j * n + i));
            }
            double sum = 0;
            for (int j = 0; j < classes; j++) {
                double e = p.round(Math.exp(p.round(x.get(j * n + i) - max)));
                y.set(j * n + i, e);
                sum = p.round(sum + e);
            }
            for (int j = 0; j < classes; j++) {
                y.set(j * n + i, p.round(y.get(j * n + i) / sum));
            }
        });
    }

    /** {@code dx_i = y_i (G_i - sum_j G_j y_j)}. */
    static void softmaxBackward(Softmax.BackwardInput call, KernelContext c) {
        int n = call.numCases();
        int classes = call.classes();
        requireSizes(c, call, classes, n);
        Precision p = c.precision();
        Elements y = Elements.of(call.output());
        Elements grad = Elements.of(call.outputGrad());
        Elements inGrad = Elements.of(call.inputGrad());
        boolean accumulate = call.accumulate();
        forCases(n, classes, i -> {
            double dot = 0;
            for (int j = 0; j < classes; j++) {
                dot = p.round(dot + p.round(grad.get(j * n + i) * y.get(j * n + i)));
            }
            for (int j = 0; j < classes; j++) {
                int e = j * n + i;
                inGrad.put(e, p.round(y.get(e) * p.round(grad.get(e) - dot)), accumulate);
            }
        });
    }

    /** The class index held (as a real, truncated like cuda-convnet) in {@code labels[n]}. */
    private static int label(Elements labels, int n, int classes) {
        double v = labels.get(n);
        int k = (int) v;
        if (!(k >= 0 && k < classes)) {
            throw new IllegalArgumentException("cost.logreg kernel: label " + v + " of case " + n
                    + " is outside [0, " + classes + ")");
        }
        return k;
    }

    /** Row 0: {@code -ln probs[label, n]}; row 1: {@code 1 - c_n}, ties credited 1/#ties. */
    static void logregForward(Logreg.Forward call, KernelContext c) {
        int n = call.numCases();
        int classes = call.classes();
        requireSizes(c, call, classes, n);
        Precision p = c.precision();
        Elements labels = Elements.of(call.labels());
        Elements probs = Elements.of(call.probs());
        Elements out = Elements.of(call.output());
        forCases(n, classes, i -> {
            double truth = probs.get(label(labels, i, classes) * n + i);
            double max = Double.NEGATIVE_INFINITY;
            for (int j = 0; j < classes; j++) {
                max = Math.max(max, probs.get(j * n + i));
            }
            int ties = 0;
            for (int j = 0; j < classes; j++) {
                ties += probs.get(j * n + i) == max ? 1 : 0;
            }
            double credit = truth == max ? p.round(1.0 / ties) : 0;
            out.set(i, p.round(-Math.log(truth)));
            out.set(n + i, p.round(1 - credit));
        });
    }

    /**
     * Gradient to probs, {@code -coeff * [j = label] / probs[j,n]}, or, through the softmax, to its
     * input: {@code coeff * (probs[j,n] - [j = label])}.
     */
    static void logregBackward(Logreg.Backward call, KernelContext c) {
        boolean throughSoftmax = call.throughSoftmax();
        int n = call.numCases();
        int classes = call.classes();
        requireSizes(c, call, classes, n);
        Precision p = c.precision();
        double coeff = c.round(call.coeff());
        Elements labels = Elements.of(call.labels());
        Elements probs = Elements.of(call.probs());
        Elements inGrad = Elements.of(call.inputGrad());
        boolean accumulate = call.accumulate();
        forCases(n, classes, i -> {
            int label = label(labels, i, classes);
            for (int j = 0; j < classes; j++) {
                int e = j * n + i;
                double indicator = j == label ? 1 : 0;
                double g = throughSoftmax ? p.round(coeff * p.round(probs.get(e) - indicator))
                        : j == label ? p.round(-coeff / probs.get(e)) : 0;
                inGrad.put(e, g, accumulate);
            }
        });
    }

    /** {@code output[n] = sum_d input[d,n]^2}. */
    static void sum2Forward(Sum2.Forward call, KernelContext c) {
        Precision p = c.precision();
        int n = call.numCases();
        Elements x = Elements.of(call.input());
        Elements out = Elements.of(call.output());
        int rows = x.length() / n;
        forCases(n, rows, i -> {
            double sum = 0;
            for (int d = 0; d < rows; d++) {
                double v = x.get(d * n + i);
                sum = p.round(sum + p.round(v * v));
            }
            out.set(i, sum);
        });
    }

    /** {@code inputGrad (+)= 2 * coeff * input}. */
    static void sum2Backward(Sum2.BackwardInput call, KernelContext c) {
        Precision p = c.precision();
        Elements x = Elements.of(call.input());
        Elements inGrad = Elements.of(call.inputGrad());
        double twoCoeff = p.round(2 * c.round(call.coeff()));
        boolean accumulate = call.accumulate();
        Parallel.forRange(inGrad.length(), 4, (from, to) -> {
            for (int i = from; i < to; i++) {
                inGrad.put(i, p.round(twoCoeff * x.get(i)), accumulate);
            }
        });
    }
}
