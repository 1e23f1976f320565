package org.jconvnet.backend.cpu.kernels;

import org.jconvnet.api.kernel.contract.Neuron;
import org.jconvnet.backend.cpu.numeric.Elements;
import org.jconvnet.backend.cpu.numeric.Parallel;
import org.jconvnet.backend.cpu.numeric.Precision;

/**
 * neuron (cuda-convnet.md §3.9, contract table "neuron"): elementwise activation functions by code 0..9.
 * softrelu's backward is the correct derivative {@code 1 - e^-y} (cuda-convnet 1's was wrong).
 */
final class NeuronKernels {
    private static final int IDENT = 0;
    private static final int RELU = 1;
    private static final int LOGISTIC = 2;
    private static final int TANH = 3;
    private static final int ABS = 4;
    private static final int SQUARE = 5;
    private static final int SQRT = 6;
    private static final int LINEAR = 7;
    private static final int SOFTRELU = 8;
    private static final int BRELU = 9;

    private NeuronKernels() {
    }

    /** The function of one launch, with its parameters narrowed to the launch's precision. */
    private record Function(int code, double a, double b, Precision p) {
        static Function of(Neuron.Function f, KernelContext c) {
            int code = f.function();
            if (code < IDENT || code > BRELU) {
                throw new IllegalArgumentException("neuron kernel: unknown function code " + code + " (known: 0..9)");
            }
            return new Function(code, c.round(f.a()), c.round(f.b()), c.precision());
        }

        double apply(double x) {
            switch (code) {
                case RELU: return x < 0 ? 0 : x;
                case LOGISTIC: return p.round(1 / p.round(1 + p.round(Math.exp(-x))));
                case TANH: return p.round(a * p.round(Math.tanh(p.round(b * x))));
                case ABS: return Math.abs(x);
                case SQUARE: return p.round(x * x);
                case SQRT: return p.round(Math.sqrt(x));
                case LINEAR: return p.round(p.round(a * x) + b);
                case SOFTRELU: return x > 4 ? x : p.round(Math.log(p.round(1 + p.round(Math.exp(x)))));
                case BRELU: return Math.min(a, Math.max(0, x));
                default: return x;
            }
        }

        /** dy/dx from the input x and the output y, as the contract's table writes it. */
        double derivative(double x, double y) {
            switch (code) {
                case RELU: return y > 0 ? 1 : 0;
                case LOGISTIC: return p.round(y * p.round(1 - y));
                case TANH: {
                    double q = p.round(y / a);
                    return p.round(p.round(a * b) * p.round(1 - p.round(q * q)));
                }
                case ABS: return x > 0 ? 1 : -1;
                case SQUARE: return p.round(2 * x);
                case SQRT: return p.round(1 / p.round(2 * y));
                case LINEAR: return a;
                case SOFTRELU: return p.round(1 - p.round(Math.exp(-y)));
                case BRELU: return y > 0 && y < a ? 1 : 0;
                default: return 1;
            }
        }
    }

    static void forward(Neuron.Forward call, KernelContext c) {
        Function fn = Function.of(call.neuron(), c);
        Elements in = Elements.of(call.input());
        Elements out = Elements.of(call.output());
        Parallel.forRange(out.length(), 16, (from, to) -> {
            for (int i = from; i < to; i++) {
                out.set(i, fn.apply(in.get(i)));
            }
        });
    }

    static void backwardInput(Neuron.BackwardInput call, KernelContext c) {
        Function fn = Function.of(call.neuron(), c);
        Precision p = c.precision();
        Elements in = Elements.of(call.input());
        Elements out = Elements.of(call.output());
        Elements grad = Elements.of(call.outputGrad());
        Elements inGrad = Elements.of(call.inputGrad());
        boolean accumulate = call.accumulate();
        Parallel.forRange(inGrad.length(), 16, (from, to) -> {
            for (int i = from; i < to; i++) {
                inGrad.put(i, p.round(grad.get(i) * fn.derivative(in.get(i), out.get(i))), accumulate);
            }
        });
    }
}
