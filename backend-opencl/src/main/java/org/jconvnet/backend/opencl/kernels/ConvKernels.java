package org.jconvnet.backend.opencl.kernels;

import org.jconvnet.api.kernel.Kernel;
import org.jconvnet.api.kernel.KernelArgs;
import org.jconvnet.api.tensor.Tensor;
import org.jconvnet.backend.opencl.KernelLaunch;
import org.jconvnet.backend.opencl.OpenClBackend;
import org.jconvnet.kernels.WeightGradientSplit;

/** conv and local: forward, backward-input and backward-weights (filterActs, imgActs, weightActs). */
final class ConvKernels {
    private static final String SRC = "conv.kc";
    /** Register-block sizes of conv.kc (CONV_FB, CONV_CB, CONV_KB, CONV_WK, CONV_WF): they set the launch sizes. */
    private static final int FB = 8;
    private static final int CB = 8;
    private static final int KB = 8;
    private static final int WK = 4;
    private static final int WF = 2;
    /** Tile sizes of conv_backward_weights_tiled (CONV_TW_ITEMS, CONV_TW_R, CONV_TW_F). */
    private static final int TW_ITEMS = 64;
    private static final int TW_R = 32;
    private static final int TW_F = 32;
    /** Tile sizes of conv_forward_tiled and conv_backward_input_tiled (CONV_TA_ITEMS, CONV_TA_M, CONV_TA_N). */
    private static final int TA_ITEMS = 64;
    private static final int TA_M = 32;
    private static final int TA_N = 32;
    /** At most 64 MiB of partial weight-gradient banks. */
    private static final long MAX_PARTIAL_FLOATS = 16L << 20;

    private ConvKernels() {
    }

    /** conv/forward or local/forward, with the backend's {@link OpenClBackend#tiledConvKernels() kernel family}. */
    static Kernel forward(OpenClBackend b, boolean local) {
        boolean tiled = b.tiledConvKernels();
        String entry = tiled ? "conv_forward_tiled" : "conv_forward";
        b.launch(SRC, entry);
        return args -> {
            Geometry g = new Geometry(args, local);
            KernelLaunch launch = b.launch(SRC, entry).mem(Shapes.tensor(args, g.layer, "input", g.inputSize()))
                    .mem(Shapes.tensor(args, g.layer, "weights", g.weightsSize()))
                    .mem(Shapes.tensor(args, g.layer, "output", g.outputSize()));
            g.ints(launch);
            int fg = g.filters / g.groups;
            if (tiled) {
                launch.runGroups((long) g.groups * g.mm() * ceil(fg, TA_M) * ceil(g.n, TA_N), TA_ITEMS);
            } else {
                launch.run((long) g.groups * ceil(fg, FB) * g.mm() * ceil(g.n, CB));
            }
        };
    }

    /** conv/backward-input or local/backward-input, with the backend's {@link OpenClBackend#tiledConvKernels() kernel family}. */
    static Kernel backwardInput(OpenClBackend b, boolean local) {
        boolean tiled = b.tiledConvKernels();
        String entry = tiled ? "conv_backward_input_tiled" : "conv_backward_input";
        b.launch(SRC, entry);
        return args -> {
            Geometry g = new Geometry(args, local);
            KernelLaunch launch = b.launch(SRC, entry).mem(Shapes.tensor(args, g.layer, "outputGrad", g.outputSize()))
                    .mem(Shapes.tensor(args, g.layer, "weights", g.weightsSize()))
                    .mem(Shapes.tensor(args, g.layer, "inputGrad", g.inputSize()));
            g.ints(launch);
            int cf = g.channels / g.groups;
            long pixels = (long) g.imgSize * g.imgSize;
            if (tiled) {
                launch.runGroups(g.groups * pixels * ceil(cf, TA_M) * ceil(g.n, TA_N), TA_ITEMS);
            } else {
                launch.run(g.groups * ceil(cf, KB) * pixels * ceil(g.n, CB));
            }
        };
    }

    /**
     * conv/backward-weights or local/backward-weights with the backend's
     * {@link OpenClBackend#tiledConvKernels() weight-gradient kernel}: work-items (blocked) or
     * work-groups (tiled) per part of the modules. A local layer has one part per module; a conv
     * layer is split into parts summed by {@code conv_sum_parts} when the backend's
     * {@link OpenClBackend#splitItems()} asks for more work-items than one part gives.
     */
    static Kernel backwardWeights(OpenClBackend b, boolean local) {
        boolean tiled = b.tiledConvKernels();
        String entry = tiled ? "conv_backward_weights_tiled" : "conv_backward_weights";
        b.launch(SRC, entry);
        b.launch(SRC, "conv_sum_parts");
        Scratch partials = new Scratch(b);
        return args -> {
            Geometry g = new Geometry(args, local);
            Tensor weightsGrad = Shapes.tensor(args, g.layer, "weightsGrad", g.weightsSize());
            int cf = g.channels / g.groups;
            int fg = g.filters / g.groups;
            long groupsPerPart = (long) g.groups * ceil(cf * g.filterSize * g.filterSize, TW_R) * ceil(fg, TW_F);
            long itemsPerPart = tiled ? groupsPerPart * TW_ITEMS
                    : (long) ceil(cf, WK) * g.filterSize * g.filterSize * g.groups * ceil(fg, WF);
            WeightGradientSplit split = local ? WeightGradientSplit.perModule(g.modulesX)
                    : WeightGradientSplit.forConv(g.modulesX, itemsPerPart, b.splitItems(), g.bank(), MAX_PARTIAL_FLOATS);
            boolean partial = !local && split.parts() > 1;
            Tensor target = partial ? partials.atLeast((long) split.parts() * g.bank()) : weightsGrad;
            KernelLaunch launch = b.launch(SRC, entry).mem(Shapes.tensor(args, g.layer, "input", g.inputSize()))
                    .mem(Shapes.tensor(args, g.layer, "outputGrad", g.outputSize())).mem(target)
                    .ints(g.n, g.channels, g.imgSize, g.filters, g.filterSize, g.padding, g.stride, g.modulesX,
                            g.groups, split.rowsPerPart(), split.colsPerPart(), partial ? 0 : g.accumulate);
            if (tiled) {
                launch.runGroups(split.parts() * groupsPerPart, TW_ITEMS);
            } else {
                launch.run(split.parts() * itemsPerPart, 16);
            }
            if (partial) {
                b.launch(SRC, "conv_sum_parts").mem(target).mem(weightsGrad)
                        .ints(g.bank(), split.parts(), g.accumulate).run(g.bank());
            }
        };
    }

    private static int ceil(int a, int b) {
        return (a + b - 1) / b;
    }



    /** The integers every conv/local op receives, and the sizes they imply. */
    private static final class Geometry {
        final String layer;
        final boolean local;
        final int n;
        final int channels;
        final int imgSize;
        final int filters;
        final int filterSize;
        final int padding;
        final int stride;
        final int modulesX;
        final int groups;
        final int accumulate;

        Geometry(KernelArgs a, boolean local) {
            this.local = local;
            layer = local ? "local" : "conv";
            n = a.integer("numCases");
            channels = a.integer("channels");
            imgSize = a.integer("imgSize");
            filters = a.integer("filters");
            filterSize = a.integer("filterSize");
            padding = a.integer("padding");
            stride = a.integer("stride");
            modulesX = a.integer("modulesX");
            groups = a.integer("groups");
            accumulate = a.integer("accumulate");
            if (groups <= 0 || channels % groups != 0 || filters % groups != 0) {
                throw new IllegalArgumentException(layer + ": channels " + channels + " and filters " + filters
                        + " must be multiples of groups " + groups);
            }
        }

        int mm() {
            return modulesX * modulesX;
        }

        int bank() {
            return channels / groups * filterSize * filterSize * filters;
        }

        int moduleWeightStride() {
            return local ? bank() : 0;
        }

        /** The integer tail of forward and backward-input (numCases ... moduleWeightStride, accumulate). */
        void ints(KernelLaunch launch) {
            launch.ints(n, channels, imgSize, filters, filterSize, padding, stride, modulesX, groups, moduleWeightStride(),
                    accumulate);
        }

        long inputSize() {
            return (long) channels * imgSize * imgSize * n;
        }

        long outputSize() {
            return (long) filters * mm() * n;
        }

        long weightsSize() {
            return (long) bank() * (local ? mm() : 1);
        }
    }
}
