package org.jconvnet.api.kernel.contract;

import java.util.List;
import org.jconvnet.api.kernel.KernelCall;
import org.jconvnet.api.kernel.KernelOp;
import org.jconvnet.api.tensor.Tensor;

/**
 * {@code neuron} (cuda-convnet.md §3.9): an elementwise function of the input, by code:
 * 0 ident, 1 relu, 2 logistic, 3 tanh ({@code a*tanh(b*x)}), 4 abs, 5 square, 6 sqrt,
 * 7 linear ({@code a*x + b}), 8 softrelu, 9 brelu ({@code min(a, max(0, x))}). Every tensor has
 * the input's size.
 */
public final class Neuron {
    /** The kernel key's layer type. */
    public static final String TYPE = "neuron";

    private Neuron() {
    }

    /**
     * The function of a neuron layer.
     *
     * @param function 0..9, see {@link Neuron}
     * @param a    first parameter (tanh, linear, brelu), else 0
     * @param b    second parameter (tanh, linear), else 0
     */
    public record Function(int function, double a, double b) {
    }

    /**
     * {@code neuron/forward}: {@code output = f(input)}.
     *
     * @param neuron the function
     * @param numCases N
     * @param input any rows x N
     * @param output the same size
     */
    public record Forward(Function neuron, int numCases, Tensor input, Tensor output)
            implements KernelCall {
        @Override
        public KernelOp<Forward> kernelOp() {
            return KernelOps.NEURON_FORWARD;
        }
    }

    /**
     * {@code neuron/backward-input}: {@code inputGrad (+)= outputGrad * f'} computed from input and output.
     *
     * @param neuron the function
     * @param numCases N
     * @param accumulate add to the input gradient rather than overwrite it
     * @param input the forward input
     * @param output the forward output
     * @param outputGrad the output gradient
     * @param inputGrad the input gradient
     */
    public record BackwardInput(Function neuron, int numCases, boolean accumulate, Tensor input, Tensor output, Tensor outputGrad, Tensor inputGrad)
            implements KernelCall {
        @Override
        public KernelOp<BackwardInput> kernelOp() {
            return KernelOps.NEURON_BACKWARD_INPUT;
        }
    }

    /**
     * The sample calls of {@code neuron} (see {@link KernelSample}): every function, sqrt on
     * positive inputs, softrelu on both sides of its x > 4 branch. Backward runs its forward first.
     *
     * @return the sample calls of {@code neuron}
     */
    public static List<KernelSample> samples() {
        Samples s = new Samples();
        double[][] ab = {{0, 0}, {0, 0}, {0, 0}, {1.7159, 0.6666}, {0, 0}, {0, 0}, {0, 0}, {2, -0.5}, {0, 0}, {0.6, 0}};
        for (int code = 0; code <= 9; code++) {
            Function f = new Function(code, ab[code][0], ab[code][1]);
            SampleTensors.Fill fill = code == 6 ? (k, u) -> Math.abs(u) + 0.05
                    : code == 8 ? (k, u) -> k == 0 ? 4.5 : k == 1 ? 4.0 : u : (k, u) -> u;
            add(s, f, 5, 7, fill, KernelSample.Kind.EDGE);
        }
        add(s, new Function(1, 0, 0), 64, 8, (k, u) -> u, KernelSample.Kind.SEED);
        return s.list();
    }

    private static void add(Samples s, Function f, int rows, int n, SampleTensors.Fill fill, KernelSample.Kind kind) {
        String label = "function=" + f.function() + (kind == KernelSample.Kind.SEED ? " seed " + rows + "x" + n : "");
        s.add(KernelOps.NEURON_FORWARD, label, kind, 1e-6, "one float32 transcendental", t -> KernelSample.Calls.of(
                new Forward(f, n, t.tensor("input", rows, n, fill), t.random("output", rows, n))));
        s.bothAccumulates(KernelOps.NEURON_BACKWARD_INPUT, label, kind, 1e-6, "one float32 transcendental", (t, acc) -> {
            Tensor in = t.tensor("input", rows, n, fill);
            Tensor out = t.random("output", rows, n);
            return KernelSample.Calls.after(new Forward(f, n, in, out), new BackwardInput(f, n, acc, in, out,
                    t.random("outputGrad", rows, n), t.random("inputGrad", rows, n)));
        });
    }
}
