package org.jconvnet.backend.opencl.kernels;

import org.jconvnet.api.kernel.Kernel;
import org.jconvnet.api.kernel.KernelArgs;
import org.jconvnet.backend.opencl.OpenClBackend;
import org.jconvnet.backend.opencl.OpenClTensor;

/** cmrnorm, rnorm and cnorm: forward and backward-input (norm.kc). */
final class NormKernels {
    private static final String SRC = "norm.kc";

    private NormKernels() {
    }

    /** cmrnorm/forward. */
    static Kernel cmrForward(OpenClBackend b) {
        b.launch(SRC, "cmrnorm_forward");
        return args -> {
            Dims d = new Dims(args, "cmrnorm");
            b.launch(SRC, "cmrnorm_forward").mem(d.t("input")).mem(d.t("output")).mem(d.t("denoms"))
                    .ints(d.n, d.channels, d.imgSize, d.size, args.integer("blocked"))
                    .reals(args.real("addScale"), args.real("pow"), args.real("minDiv")).run(d.items());
        };
    }

    /** cmrnorm/backward-input. */
    static Kernel cmrBackward(OpenClBackend b) {
        b.launch(SRC, "cmrnorm_backward_input");
        return args -> {
            Dims d = new Dims(args, "cmrnorm");
            b.launch(SRC, "cmrnorm_backward_input").mem(d.t("input")).mem(d.t("output")).mem(d.t("denoms"))
                    .mem(d.t("outputGrad")).mem(d.t("inputGrad"))
                    .ints(d.n, d.channels, d.imgSize, d.size, args.integer("blocked"))
                    .reals(args.real("addScale"), args.real("pow")).ints(args.integer("accumulate")).run(d.items());
        };
    }

    /** rnorm/forward. */
    static Kernel rnormForward(OpenClBackend b) {
        b.launch(SRC, "rnorm_forward");
        return args -> {
            Dims d = new Dims(args, "rnorm");
            b.launch(SRC, "rnorm_forward").mem(d.t("input")).mem(d.t("output")).mem(d.t("denoms"))
                    .ints(d.n, d.channels, d.imgSize, d.size)
                    .reals(args.real("addScale"), args.real("pow"), args.real("minDiv")).run(d.items());
        };
    }

    /** rnorm/backward-input. */
    static Kernel rnormBackward(OpenClBackend b) {
        b.launch(SRC, "rnorm_backward_input");
        return args -> {
            Dims d = new Dims(args, "rnorm");
            b.launch(SRC, "rnorm_backward_input").mem(d.t("input")).mem(d.t("output")).mem(d.t("denoms"))
                    .mem(d.t("outputGrad")).mem(d.t("inputGrad")).ints(d.n, d.channels, d.imgSize, d.size)
                    .reals(args.real("addScale"), args.real("pow")).ints(args.integer("accumulate")).run(d.items());
        };
    }

    /** cnorm/forward: mean differences, then denominators and outputs. */
    static Kernel cnormForward(OpenClBackend b) {
        b.launch(SRC, "cnorm_mean_diffs");
        b.launch(SRC, "cnorm_forward");
        return args -> {
            Dims d = new Dims(args, "cnorm");
            b.launch(SRC, "cnorm_mean_diffs").mem(d.t("input")).mem(d.t("meanDiffs"))
                    .ints(d.n, d.channels, d.imgSize, d.size).run(d.items());
            b.launch(SRC, "cnorm_forward").mem(d.t("input")).mem(d.t("meanDiffs")).mem(d.t("output"))
                    .mem(d.t("denoms")).ints(d.n, d.channels, d.imgSize, d.size)
                    .reals(args.real("addScale"), args.real("pow"), args.real("minDiv")).run(d.items());
        };
    }

    /** cnorm/backward-input: the V = m * U term into scratch, then the gradient (exact, spec 10.8). */
    static Kernel cnormBackward(OpenClBackend b) {
        b.launch(SRC, "cnorm_backward_v");
        b.launch(SRC, "cnorm_backward_input");
        Scratch scratch = new Scratch(b);
        return args -> {
            Dims d = new Dims(args, "cnorm");
            OpenClTensor v = scratch.atLeast(d.elements());
            b.launch(SRC, "cnorm_backward_v").mem(d.t("output")).mem(d.t("denoms")).mem(d.t("outputGrad"))
                    .mem(d.t("meanDiffs")).mem(v).ints(d.n, d.channels, d.imgSize, d.size).run(d.items());
            b.launch(SRC, "cnorm_backward_input").mem(d.t("denoms")).mem(d.t("outputGrad")).mem(v)
                    .mem(d.t("inputGrad")).ints(d.n, d.channels, d.imgSize, d.size)
                    .reals(args.real("addScale"), args.real("pow")).ints(args.integer("accumulate")).run(d.items());
        };
    }

    /** The integers every normalisation op receives. */
    private static final class Dims {
        final KernelArgs args;
        final String layer;
        final int n;
        final int channels;
        final int imgSize;
        final int size;

        Dims(KernelArgs a, String layer) {
            args = a;
            this.layer = layer;
            n = a.integer("numCases");
            channels = a.integer("channels");
            imgSize = a.integer("imgSize");
            size = a.integer("size");
        }

        /** Work-items: one per CASE_CHUNK cases of each (map, pixel) row. */
        long items() {
            return Shapes.chunkedItems((long) channels * imgSize * imgSize, n);
        }

        long elements() {
            return (long) channels * imgSize * imgSize * n;
        }

        /** A tensor of the input's shape, checked. */
        org.jconvnet.api.tensor.Tensor t(String name) {
            return Shapes.tensor(args, layer, name, elements());
        }
    }
}
