package org.jconvnet.api.kernel.contract;

import java.util.List;
import org.jconvnet.api.kernel.KernelCall;
import org.jconvnet.api.kernel.KernelOp;
import org.jconvnet.api.tensor.Tensor;

/**
 * {@code fc} (cuda-convnet.md §3.4): weights {@code Din x Dout} in Fortran order ({@code W[i,j]} at
 * {@code j*Din + i}); input {@code Din x N}, output {@code Dout x N}.
 */
public final class Fc {
    /** The kernel key's layer type. */
    public static final String TYPE = "fc";

    private Fc() {
    }

    /**
     * The sizes of one input of an fc layer.
     *
     * @param inputs  Din
     * @param outputs Dout
     */
    public record Shape(int inputs, int outputs) {
    }

    /**
     * {@code fc/forward}: {@code output (+)= W^T input}.
     *
     * @param shape      the sizes
     * @param numCases   N
     * @param accumulate add to the output
     * @param input      {@code Din x N}
     * @param weights    {@code Din x Dout}
     * @param output     {@code Dout x N}
     */
    public record Forward(Shape shape, int numCases, boolean accumulate, Tensor input, Tensor weights, Tensor output)
            implements KernelCall {
        @Override
        public KernelOp<Forward> kernelOp() {
            return KernelOps.FC_FORWARD;
        }
    }

    /**
     * {@code fc/backward-input}: {@code inputGrad (+)= W outputGrad}.
     *
     * @param shape      the sizes
     * @param numCases   N
     * @param accumulate add to the input gradient
     * @param outputGrad {@code Dout x N}
     * @param weights    {@code Din x Dout}
     * @param inputGrad  {@code Din x N}
     */
    public record BackwardInput(Shape shape, int numCases, boolean accumulate, Tensor outputGrad, Tensor weights,
                                Tensor inputGrad) implements KernelCall {
        @Override
        public KernelOp<BackwardInput> kernelOp() {
            return KernelOps.FC_BACKWARD_INPUT;
        }
    }

    /**
     * {@code fc/backward-weights}: {@code weightsGrad (+)= input outputGrad^T}.
     *
     * @param shape       the sizes
     * @param numCases    N
     * @param accumulate  add to the weight gradient
     * @param input       {@code Din x N}
     * @param outputGrad  {@code Dout x N}
     * @param weightsGrad {@code Din x Dout}
     */
    public record BackwardWeights(Shape shape, int numCases, boolean accumulate, Tensor input, Tensor outputGrad,
                                  Tensor weightsGrad) implements KernelCall {
        @Override
        public KernelOp<BackwardWeights> kernelOp() {
            return KernelOps.FC_BACKWARD_WEIGHTS;
        }
    }

    /**
     * The sample calls of {@code fc} (see {@link KernelSample}): odd sizes, and long sums that GPU
     * backends cut into parts (forward over 300 inputs, weights over 200 cases).
     *
     * @return the sample calls of {@code fc}
     */
    public static List<KernelSample> samples() {
        Samples s = new Samples();
        int[][] edges = {{6, 11, 7}, {9, 4, 13}, {5, 300, 10}, {200, 7, 3}}; // N, Din, Dout
        for (int[] e : edges) {
            add(s, "", e[0], new Shape(e[1], e[2]), KernelSample.Kind.EDGE, true);
        }
        // 256 inputs at batch 8: the forward sum is long enough for GPUs to split, so the plan tables sample it
        add(s, "seed ", 8, new Shape(256, 10), KernelSample.Kind.SEED, false);
        add(s, "fc10 ", 128, new Shape(2048, 10), KernelSample.Kind.BENCH, false); // the seed net's last layer
        return s.list();
    }

    private static void add(Samples s, String name, int n, Shape g, KernelSample.Kind kind, boolean bothAccumulates) {
        String label = name + "N=" + n + " in=" + g.inputs() + " out=" + g.outputs();
        int din = g.inputs();
        int dout = g.outputs();
        Samples.AccumulatingBuild forward = (t, acc) -> KernelSample.Calls.of(new Forward(g, n, acc,
                t.random("input", din, n), t.random("weights", din, dout), t.random("output", dout, n)));
        Samples.AccumulatingBuild input = (t, acc) -> KernelSample.Calls.of(new BackwardInput(g, n, acc,
                t.random("outputGrad", dout, n), t.random("weights", din, dout), t.random("inputGrad", din, n)));
        Samples.AccumulatingBuild weights = (t, acc) -> KernelSample.Calls.of(new BackwardWeights(g, n, acc,
                t.random("input", din, n), t.random("outputGrad", dout, n), t.random("weightsGrad", din, dout)));
        if (bothAccumulates) {
            s.bothAccumulates(KernelOps.FC_FORWARD, label, kind, Samples.FEW, Samples.FEW_REASON, forward)
                    .bothAccumulates(KernelOps.FC_BACKWARD_INPUT, label, kind, Samples.FEW, Samples.FEW_REASON, input)
                    .bothAccumulates(KernelOps.FC_BACKWARD_WEIGHTS, label, kind, Samples.FEW, Samples.FEW_REASON, weights);
        } else {
            s.add(KernelOps.FC_FORWARD, label, kind, Samples.FEW, Samples.FEW_REASON, t -> forward.build(t, false))
                    .add(KernelOps.FC_BACKWARD_INPUT, label, kind, Samples.FEW, Samples.FEW_REASON, t -> input.build(t, false))
                    .add(KernelOps.FC_BACKWARD_WEIGHTS, label, kind, Samples.FEW, Samples.FEW_REASON, t -> weights.build(t, false));
        }
    }
}
