package org.jconvnet.api.kernel.contract;

import java.util.List;
import org.jconvnet.api.kernel.KernelCall;
import org.jconvnet.api.kernel.KernelOp;
import org.jconvnet.api.tensor.Tensor;

/**
 * {@code conv} and {@code local} (cuda-convnet.md §2.4, §3.2, §3.3; cuda-convnet's filterActs, imgActs,
 * weightActs). Input {@code C*S*S x N} (row {@code (c*S + y)*S + x}); output {@code F*M*M x N}
 * (row {@code f*M*M + my*M + mx}); weights {@code Cf*fs*fs x F} for conv and
 * {@code M*M*Cf*fs*fs x F} for local (one bank per module), row {@code (c*fs + fy)*fs + fx},
 * with {@code Cf = C/G}. Module {@code (my, mx)} reads the pixels from
 * {@code (my*stride - padding, mx*stride - padding)}; pixels outside the image are zero.
 */
public final class Filter {
    /** The layer type of shared weights. */
    public static final String CONV = "conv";
    /** The layer type of unshared weights (one filter bank per module). */
    public static final String LOCAL = "local";

    private Filter() {
    }

    /**
     * The geometry of one input of a conv or local layer.
     *
     * @param local      unshared weights: key {@code local}, else {@code conv}
     * @param channels   C, all input channels
     * @param imgSize    S, the input image side
     * @param filters    F, over all groups
     * @param filterSize fs
     * @param padding    zero pixels on each side
     * @param stride     module stride
     * @param modulesX   M, modules per side
     * @param groups     G; C and F are multiples of it
     */
    public record Shape(boolean local, int channels, int imgSize, int filters, int filterSize, int padding,
                        int stride, int modulesX, int groups) {
        /** {@return the kernel key's layer type} */
        public String layerType() {
            return local ? LOCAL : CONV;
        }

        /** {@return the op of {@code forward} for this geometry: {@code conv/forward} or {@code local/forward}} */
        public KernelOp<Forward> forwardOp() {
            return local ? KernelOps.LOCAL_FORWARD : KernelOps.CONV_FORWARD;
        }

        /** {@return the op of {@code backward-input} for this geometry} */
        public KernelOp<BackwardInput> backwardInputOp() {
            return local ? KernelOps.LOCAL_BACKWARD_INPUT : KernelOps.CONV_BACKWARD_INPUT;
        }

        /** {@return the op of {@code backward-weights} for this geometry} */
        public KernelOp<BackwardWeights> backwardWeightsOp() {
            return local ? KernelOps.LOCAL_BACKWARD_WEIGHTS : KernelOps.CONV_BACKWARD_WEIGHTS;
        }

        /** {@return cf = C/G, the channels each filter reads} */
        public int filterChannels() {
            return channels / groups;
        }

        /** {@return rows of the input: {@code C*S*S}} */
        public long inputRows() {
            return (long) channels * imgSize * imgSize;
        }

        /** {@return rows of the output: {@code F*M*M}} */
        public long outputRows() {
            return (long) filters * modulesX * modulesX;
        }

        /** {@return rows of the weights: {@code Cf*fs*fs}, times {@code M*M} for local} */
        public long weightRows() {
            return (long) filterChannels() * filterSize * filterSize * (local ? modulesX * modulesX : 1);
        }
    }

    /**
     * {@code forward}: output row (f, m) (+)= sum over taps (c, fy, fx) of filter f's group of
     * {@code W[m,c,fy,fx,f] * input row (c, y0+fy, x0+fx)}.
     *
     * @param shape      the geometry
     * @param numCases   N
     * @param accumulate add to the output (the second and later inputs of a layer)
     * @param input      {@code C*S*S x N}
     * @param weights    see {@link Filter}
     * @param output     {@code F*M*M x N}
     */
    public record Forward(Shape shape, int numCases, boolean accumulate, Tensor input, Tensor weights, Tensor output)
            implements KernelCall {
        @Override
        public KernelOp<Forward> kernelOp() {
            return shape.forwardOp();
        }
    }

    /**
     * {@code backward-input}: the transpose of forward, from output gradient to input gradient.
     *
     * @param shape      the geometry
     * @param numCases   N
     * @param accumulate add to the input gradient
     * @param outputGrad {@code F*M*M x N}
     * @param weights    see {@link Filter}
     * @param inputGrad  {@code C*S*S x N}
     */
    public record BackwardInput(Shape shape, int numCases, boolean accumulate, Tensor outputGrad, Tensor weights,
                                Tensor inputGrad) implements KernelCall {
        @Override
        public KernelOp<BackwardInput> kernelOp() {
            return shape.backwardInputOp();
        }
    }

    /**
     * {@code backward-weights}: {@code dW[(m,) c, fy, fx, f]} (+)= sum over cases (and, for conv,
     * over modules) of input times output gradient.
     *
     * @param shape       the geometry
     * @param numCases    N
     * @param accumulate  add to the weight gradient
     * @param input       {@code C*S*S x N}
     * @param outputGrad  {@code F*M*M x N}
     * @param weightsGrad the weights' shape
     */
    public record BackwardWeights(Shape shape, int numCases, boolean accumulate, Tensor input, Tensor outputGrad,
                                  Tensor weightsGrad) implements KernelCall {
        @Override
        public KernelOp<BackwardWeights> kernelOp() {
            return shape.backwardWeightsOp();
        }
    }

    /**
     * Edge geometries (N, C, S, F, fs, padding, stride, groups): padding, strides that do not
     * divide, groups, sizes that are not multiples of the register blocks, batches of at least one
     * 8-case block, several 32-wide tiles (the last ones partial), more than 32 channels per group.
     */
    private static final int[][] EDGES = {
        {5, 3, 8, 8, 3, 1, 1, 1}, {3, 4, 7, 6, 3, 0, 2, 2}, {7, 5, 6, 5, 5, 2, 3, 1}, {2, 2, 5, 9, 1, 0, 1, 1},
        {11, 8, 6, 16, 3, 1, 1, 1}, {16, 16, 5, 16, 3, 1, 2, 2}, {9, 4, 5, 8, 3, 0, 1, 1},
        {37, 8, 6, 40, 3, 1, 1, 1}, {33, 6, 5, 36, 3, 0, 1, 2},
        {33, 36, 5, 8, 3, 1, 2, 1}};
    /** The seed net's conv and local layers (C, S, F, fs, padding, local), run at batch 128 by the benchmarks. */
    private static final int[][] SEED_NET = {{3, 32, 64, 5, 2, 0}, {64, 16, 64, 5, 2, 0}, {64, 8, 64, 3, 1, 1},
        {64, 8, 32, 3, 1, 1}};
    private static final String[] SEED_NAMES = {"conv1", "conv2", "local3", "local4"};

    /**
     * The sample calls of {@code conv} and {@code local} (see {@link KernelSample}).
     *
     * @return the sample calls of {@code conv} and {@code local}
     */
    public static List<KernelSample> samples() {
        List<KernelSample> out = new java.util.ArrayList<>();
        for (boolean local : new boolean[] {false, true}) {
            Samples s = new Samples();
            for (int[] g : EDGES) {
                int m = 1 + (2 * g[5] + g[2] - g[4] + g[6] - 1) / g[6];
                add(s, "", new Shape(local, g[1], g[2], g[3], g[4], g[5], g[6], m, g[7]), g[0], KernelSample.Kind.EDGE, true);
            }
            // the seed net's first layer at 8 x 8 and batch 8: what the GPU plan tables count work-items of
            add(s, "seed conv1 at 8x8 ", new Shape(local, 3, 8, 8, 5, 2, 1, 8, 1), 8, KernelSample.Kind.SEED, false);
            for (int i = 0; i < SEED_NET.length; i++) {
                int[] g = SEED_NET[i];
                if ((g[5] == 1) == local) {
                    int m = 1 + (2 * g[4] + g[1] - g[3]);
                    add(s, SEED_NAMES[i] + " ", new Shape(local, g[0], g[1], g[2], g[3], g[4], 1, m, 1), 128, KernelSample.Kind.BENCH,
                            false);
                }
            }
            out.addAll(s.list());
        }
        return out;
    }

    private static void add(Samples s, String name, Shape g, int n, KernelSample.Kind kind, boolean bothAccumulates) {
        String label = name + String.format("N=%d C=%d S=%d F=%d fs=%d pad=%d stride=%d groups=%d M=%d", n, g.channels(),
                g.imgSize(), g.filters(), g.filterSize(), g.padding(), g.stride(), g.groups(), g.modulesX());
        String why = "sums of up to " + (long) g.filterChannels() * g.filterSize() * g.filterSize() * Math.max(n, 1)
                * g.modulesX() * g.modulesX() + " float32 products";
        Samples.AccumulatingBuild forward = (t, acc) -> KernelSample.Calls.of(new Forward(g, n, acc,
                t.random("input", g.inputRows(), n), t.random("weights", g.weightRows(), g.filters()),
                t.random("output", g.outputRows(), n)));
        Samples.AccumulatingBuild input = (t, acc) -> KernelSample.Calls.of(new BackwardInput(g, n, acc,
                t.random("outputGrad", g.outputRows(), n), t.random("weights", g.weightRows(), g.filters()),
                t.random("inputGrad", g.inputRows(), n)));
        Samples.AccumulatingBuild weights = (t, acc) -> KernelSample.Calls.of(new BackwardWeights(g, n, acc,
                t.random("input", g.inputRows(), n), t.random("outputGrad", g.outputRows(), n),
                t.random("weightsGrad", g.weightRows(), g.filters())));
        if (bothAccumulates) {
            s.bothAccumulates(g.forwardOp(), label, kind, 1e-5, why, forward)
                    .bothAccumulates(g.backwardInputOp(), label, kind, 1e-5, why, input)
                    .bothAccumulates(g.backwardWeightsOp(), label, kind, 1e-5, why, weights);
        } else {
            s.add(g.forwardOp(), label, kind, 1e-5, why, t -> forward.build(t, false))
                    .add(g.backwardInputOp(), label, kind, 1e-5, why, t -> input.build(t, false))
                    .add(g.backwardWeightsOp(), label, kind, 1e-5, why, t -> weights.build(t, false));
        }
    }
}
