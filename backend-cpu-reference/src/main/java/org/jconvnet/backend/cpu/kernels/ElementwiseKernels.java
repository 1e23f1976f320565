package org.jconvnet.backend.cpu.kernels;

import org.jconvnet.backend.cpu.numeric.Elements;
import org.jconvnet.backend.cpu.numeric.Parallel;
import org.jconvnet.backend.cpu.numeric.Precision;

/** The elementwise contracts: {@code tensor/sgd}, {@code bias}, {@code eltsum}, {@code eltmax}. */
final class ElementwiseKernels {

    private ElementwiseKernels() {
    }

    /** A body run for every element index. */
    @FunctionalInterface
    private interface ElementBody {
        void apply(int i);
    }

    private static void forEach(int length, ElementBody body) {
        Parallel.forRange(length, 4, (from, to) -> {
            for (int i = from; i < to; i++) {
                body.apply(i);
            }
        });
    }

    /** cuda-convnet.md §5.3: {@code inc = mom*inc - gradScale*grad - decay*weights; weights += inc}. */
    static void sgd(KernelContext c) {
        Precision p = c.precision();
        Elements w = c.elements("weights");
        Elements grad = c.elements("grad");
        Elements inc = c.elements("inc");
        double gradScale = c.real("gradScale");
        double mom = c.real("mom");
        double decay = c.real("decay");
        forEach(w.length(), i -> {
            double v = p.round(p.round(p.round(mom * inc.get(i)) - p.round(gradScale * grad.get(i)))
                    - p.round(decay * w.get(i)));
            inc.set(i, v);
            w.set(i, w.get(i) + v);
        });
    }

    /** {@code output[r,n] += biases[r / repeat]}. */
    static void biasForward(KernelContext c) {
        Elements out = c.elements("output");
        Elements biases = c.elements("biases");
        int n = c.numCases();
        int repeat = c.integer("repeat");
        Parallel.forRange(out.length() / n, n, (from, to) -> {
            for (int r = from; r < to; r++) {
                double b = biases.get(r / repeat);
                for (int i = r * n; i < (r + 1) * n; i++) {
                    out.set(i, out.get(i) + b);
                }
            }
        });
    }

    /** {@code biasesGrad[k] = sum over the rows of block k and over cases of outputGrad} (overwrites). */
    static void biasBackward(KernelContext c) {
        Precision p = c.precision();
        Elements grad = c.elements("outputGrad");
        Elements biasesGrad = c.elements("biasesGrad");
        int n = c.numCases();
        int blockSize = c.integer("repeat") * n;
        Parallel.forRange(biasesGrad.length(), blockSize, (from, to) -> {
            for (int k = from; k < to; k++) {
                double sum = 0;
                for (int i = k * blockSize; i < (k + 1) * blockSize; i++) {
                    sum = p.round(sum + grad.get(i));
                }
                biasesGrad.set(k, sum);
            }
        });
    }

    /** {@code output (+)= coeff * input}. */
    static void eltsumForward(KernelContext c) {
        scaledCopy(c, "input", "output");
    }

    /** {@code inputGrad (+)= coeff * outputGrad}. */
    static void eltsumBackward(KernelContext c) {
        scaledCopy(c, "outputGrad", "inputGrad");
    }

    private static void scaledCopy(KernelContext c, String from, String to) {
        Precision p = c.precision();
        Elements src = c.elements(from);
        Elements dst = c.elements(to);
        double coeff = c.real("coeff");
        boolean accumulate = c.accumulate();
        forEach(dst.length(), i -> dst.put(i, p.round(coeff * src.get(i)), accumulate));
    }

    /** accumulate 0: {@code output = input}; 1: {@code output = max(output, input)}. */
    static void eltmaxForward(KernelContext c) {
        Elements in = c.elements("input");
        Elements out = c.elements("output");
        boolean accumulate = c.accumulate();
        forEach(out.length(), i -> out.set(i, accumulate ? Math.max(out.get(i), in.get(i)) : in.get(i)));
    }

    /** {@code inputGrad (+)= outputGrad * [input == output]}: every tied maximum gets the gradient. */
    static void eltmaxBackward(KernelContext c) {
        Elements in = c.elements("input");
        Elements out = c.elements("output");
        Elements grad = c.elements("outputGrad");
        Elements inGrad = c.elements("inputGrad");
        boolean accumulate = c.accumulate();
        forEach(inGrad.length(), i -> inGrad.put(i, in.get(i) == out.get(i) ? grad.get(i) : 0, accumulate));
    }
}
