package org.jconvnet.api.kernel.contract;

import java.util.List;
import org.jconvnet.api.kernel.KernelCall;
import org.jconvnet.api.kernel.KernelOp;
import org.jconvnet.api.tensor.Tensor;

/**
 * {@code pool} (cuda-convnet.md §3.5): output (c, oy, ox) pools input rows and columns
 * {@code [start + o*stride, start + o*stride + sizeX)}, clipped to {@code [0, S)}, never padded.
 * Max starts from -2e38 (cuda-convnet's base value); avg divides by the clipped count.
 * Input {@code C*S*S x N}, output {@code C*O*O x N} with {@code O = outputsX}.
 */
public final class Pool {
    /** The kernel key's layer type. */
    public static final String TYPE = "pool";

    private Pool() {
    }

    /**
     * The geometry of a pool layer.
     *
     * @param channels C
     * @param imgSize  S, the input side
     * @param sizeX    window side
     * @param start    first window's offset (may be negative)
     * @param stride   window stride
     * @param outputsX O, output side
     * @param average  avg pooling, else max
     */
    public record Shape(int channels, int imgSize, int sizeX, int start, int stride, int outputsX, boolean average) {
        /** {@return rows of the input: {@code C*S*S}} */
        public long inputRows() {
            return (long) channels * imgSize * imgSize;
        }

        /** {@return rows of the output: {@code C*O*O}} */
        public long outputRows() {
            return (long) channels * outputsX * outputsX;
        }
    }

    /**
     * {@code pool/forward}: max or average over each clipped window.
     *
     * @param shape the geometry
     * @param numCases N
     * @param input {@code C*S*S x N}
     * @param output {@code C*O*O x N}, overwritten
     */
    public record Forward(Shape shape, int numCases, Tensor input, Tensor output)
            implements KernelCall {
        @Override
        public KernelOp<Forward> kernelOp() {
            return KernelOps.POOL_FORWARD;
        }
    }

    /**
     * {@code pool/backward-input}: max passes {@code outputGrad[o]} to every input equal to
     * {@code output[o]} (ties all get it); avg passes {@code outputGrad[o] / count(o)}.
     *
     * @param shape the geometry
     * @param numCases N
     * @param accumulate add to the input gradient rather than overwrite it
     * @param input {@code C*S*S x N}
     * @param output the forward output
     * @param outputGrad {@code C*O*O x N}
     * @param inputGrad {@code C*S*S x N}
     */
    public record BackwardInput(Shape shape, int numCases, boolean accumulate, Tensor input, Tensor output, Tensor outputGrad, Tensor inputGrad)
            implements KernelCall {
        @Override
        public KernelOp<BackwardInput> kernelOp() {
            return KernelOps.POOL_BACKWARD_INPUT;
        }
    }

    /**
     * The sample calls of {@code pool} (see {@link KernelSample}), max and avg: clipped windows, a
     * negative start, case counts past a chunk, gaps between windows ({@code sizeX < stride}),
     * {@code start > 0}. Backward runs its forward first, so max ties are real.
     *
     * @return the sample calls of {@code pool}
     */
    public static List<KernelSample> samples() {
        Samples s = new Samples();
        int[][] edges = { // channels, S, sizeX, start, stride, outputsX, N
            {3, 7, 3, 0, 2, 3, 5}, {2, 6, 3, -1, 2, 3, 4}, {2, 5, 2, 0, 2, 3, 3}, {3, 6, 3, 0, 2, 3, 13},
            {2, 8, 2, 0, 3, 3, 9}, {2, 7, 3, 1, 1, 5, 4}};
        for (int[] g : edges) {
            for (boolean avg : new boolean[] {false, true}) {
                add(s, new Shape(g[0], g[1], g[2], g[3], g[4], g[5], avg), g[6], KernelSample.Kind.EDGE);
            }
        }
        add(s, new Shape(32, 32, 3, 0, 2, 16, false), 8, KernelSample.Kind.SEED); // the seed net's pool1 at batch 8
        return s.list();
    }

    private static void add(Samples s, Shape g, int n, KernelSample.Kind kind) {
        String label = String.format("%s C=%d S=%d sizeX=%d start=%d stride=%d O=%d N=%d", g.average() ? "avg" : "max",
                g.channels(), g.imgSize(), g.sizeX(), g.start(), g.stride(), g.outputsX(), n);
        s.add(KernelOps.POOL_FORWARD, label, kind, Samples.FEW, Samples.FEW_REASON, t -> KernelSample.Calls.of(
                new Forward(g, n, t.random("input", g.inputRows(), n), t.random("output", g.outputRows(), n))));
        s.bothAccumulates(KernelOps.POOL_BACKWARD_INPUT, label, kind, Samples.FEW, Samples.FEW_REASON, (t, acc) -> {
            Tensor in = t.random("input", g.inputRows(), n);
            Tensor out = t.random("output", g.outputRows(), n);
            return KernelSample.Calls.after(new Forward(g, n, in, out), new BackwardInput(g, n, acc, in, out,
                    t.random("outputGrad", g.outputRows(), n), t.random("inputGrad", g.inputRows(), n)));
        });
    }
}
