package org.jconvnet.backend.cpu.kernels;

import org.jconvnet.api.kernel.contract.Bias;
import org.jconvnet.api.kernel.contract.Eltmax;
import org.jconvnet.api.kernel.contract.Eltsum;
import org.jconvnet.api.kernel.contract.Sgd;
import org.jconvnet.api.tensor.Tensor;
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
    static void sgd(Sgd call, KernelContext c) {
        Precision p = c.precision();
        Elements w = Elements.of(call.weights());
        Elements grad = Elements.of(call.grad());
        Elements inc = Elements.of(call.inc());
        double gradScale = c.round(call.gradScale());
        double mom = c.round(call.mom());
        double decay = c.round(call.decay());
        forEach(w.length(), i -> {
            double v = p.round(p.round(p.round(mom * inc.get(i)) - p.round(gradScale * grad.get(i)))
                    - p.round(decay * w.get(i)));
            inc.set(i, v);
            w.set(i, w.get(i) + v);
        });
    }

    /** {@code output[r,n] += biases[r / repeat]}. */
    static void biasForward(Bias.Forward call, KernelContext c) {
        Elements out = Elements.of(call.output());
        Elements biases = Elements.of(call.biases());
        int n = call.numCases();
        int repeat = call.repeat();
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
    static void biasBackward(Bias.BackwardWeights call, KernelContext c) {
        Precision p = c.precision();
        Elements grad = Elements.of(call.outputGrad());
        Elements biasesGrad = Elements.of(call.biasesGrad());
        int n = call.numCases();
        int blockSize = call.repeat() * n;
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
    static void eltsumForward(Eltsum.Forward call, KernelContext c) {
        scaledCopy(c, call.input(), call.output(), call.coeff(), call.accumulate());
    }

    /** {@code inputGrad (+)= coeff * outputGrad}. */
    static void eltsumBackward(Eltsum.BackwardInput call, KernelContext c) {
        scaledCopy(c, call.outputGrad(), call.inputGrad(), call.coeff(), call.accumulate());
    }

    private static void scaledCopy(KernelContext c, Tensor from, Tensor to, double rawCoeff, boolean accumulate) {
        Precision p = c.precision();
        Elements src = Elements.of(from);
        Elements dst = Elements.of(to);
        double coeff = c.round(rawCoeff);
        forEach(dst.length(), i -> dst.put(i, p.round(coeff * src.get(i)), accumulate));
    }

    /** accumulate 0: {@code output = input}; 1: {@code output = max(output, input)}. */
    static void eltmaxForward(Eltmax.Forward call, KernelContext c) {
        Elements in = Elements.of(call.input());
        Elements out = Elements.of(call.output());
        boolean accumulate = call.accumulate();
        forEach(out.length(), i -> out.set(i, accumulate ? Math.max(out.get(i), in.get(i)) : in.get(i)));
    }

    /** {@code inputGrad (+)= outputGrad * [input == output]}: every tied maximum gets the gradient. */
    static void eltmaxBackward(Eltmax.BackwardInput call, KernelContext c) {
        Elements in = Elements.of(call.input());
        Elements out = Elements.of(call.output());
        Elements grad = Elements.of(call.outputGrad());
        Elements inGrad = Elements.of(call.inputGrad());
        boolean accumulate = call.accumulate();
        forEach(inGrad.length(), i -> inGrad.put(i, in.get(i) == out.get(i) ? grad.get(i) : 0, accumulate));
    }
}
