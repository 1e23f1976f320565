package org.jconvnet.backend.opencl.kernels;

import org.jconvnet.api.kernel.Kernel;
import org.jconvnet.api.kernel.KernelArgs;
import org.jconvnet.api.tensor.Tensor;
import org.jconvnet.backend.opencl.OpenClBackend;
import org.jconvnet.backend.opencl.OpenClTensor;

/** Kernels of the per-case layers: bias, softmax, logreg and sum2 costs, pooling. */
final class LayerKernels {
    private LayerKernels() {
    }

    /** bias/forward. */
    static Kernel biasForward(OpenClBackend b) {
        b.launch("bias.kc", "bias_forward");
        return args -> {
            Tensor out = args.tensor("output");
            int n = args.integer("numCases");
            int repeat = args.integer("repeat");
            int rows = (int) (out.size() / Math.max(1, n));
            Shapes.tensor(args, "bias", "biases", rows / repeat);
            b.launch("bias.kc", "bias_forward").mem(out).mem(args.tensor("biases")).ints(rows, n, repeat)
                    .run(Shapes.chunkedItems(rows, n));
        };
    }

    /** bias/backward-weights: row sums into a scratch buffer, then block sums (deterministic, no atomics). */
    static Kernel biasBackward(OpenClBackend b) {
        b.launch("bias.kc", "bias_row_sums");
        b.launch("bias.kc", "bias_block_sums");
        Scratch scratch = new Scratch(b);
        return args -> {
            Tensor g = args.tensor("outputGrad");
            int n = args.integer("numCases");
            int repeat = args.integer("repeat");
            int rows = (int) (g.size() / Math.max(1, n));
            int biases = rows / repeat;
            Tensor bg = Shapes.tensor(args, "bias", "biasesGrad", biases);
            OpenClTensor sums = scratch.atLeast(rows);
            b.launch("bias.kc", "bias_row_sums").mem(g).mem(sums).ints(rows, n).run(rows);
            b.launch("bias.kc", "bias_block_sums").mem(sums).mem(bg).ints(biases, repeat).run(biases);
        };
    }

    /** softmax/forward. */
    static Kernel softmaxForward(OpenClBackend b) {
        b.launch("softmax.kc", "softmax_forward");
        return args -> {
            int n = args.integer("numCases");
            int d = args.integer("classes");
            b.launch("softmax.kc", "softmax_forward").mem(Shapes.tensor(args, "softmax", "input", (long) d * n))
                    .mem(Shapes.tensor(args, "softmax", "output", (long) d * n)).ints(n, d).run(n);
        };
    }

    /** softmax/backward-input. */
    static Kernel softmaxBackward(OpenClBackend b) {
        b.launch("softmax.kc", "softmax_backward_input");
        return args -> {
            int n = args.integer("numCases");
            int d = args.integer("classes");
            long size = (long) d * n;
            b.launch("softmax.kc", "softmax_backward_input").mem(Shapes.tensor(args, "softmax", "output", size))
                    .mem(Shapes.tensor(args, "softmax", "outputGrad", size))
                    .mem(Shapes.tensor(args, "softmax", "inputGrad", size))
                    .ints(n, d, args.integer("accumulate")).run(n);
        };
    }

    /** cost.logreg/forward. */
    static Kernel logregForward(OpenClBackend b) {
        b.launch("cost.kc", "logreg_forward");
        return args -> {
            int n = args.integer("numCases");
            int k = args.integer("classes");
            b.launch("cost.kc", "logreg_forward").mem(Shapes.tensor(args, "cost.logreg", "labels", n))
                    .mem(Shapes.tensor(args, "cost.logreg", "probs", (long) k * n))
                    .mem(Shapes.tensor(args, "cost.logreg", "output", 2L * n)).ints(n, k).run(n);
        };
    }

    /** cost.logreg/backward-input ({@code logreg_backward_input}) or backward-softmax. */
    static Kernel logregBackward(OpenClBackend b, String function) {
        b.launch("cost.kc", function);
        return args -> {
            int n = args.integer("numCases");
            int k = args.integer("classes");
            b.launch("cost.kc", function).mem(Shapes.tensor(args, "cost.logreg", "labels", n))
                    .mem(Shapes.tensor(args, "cost.logreg", "probs", (long) k * n))
                    .mem(Shapes.tensor(args, "cost.logreg", "inputGrad", (long) k * n)).ints(n, k)
                    .reals(args.real("coeff")).ints(args.integer("accumulate")).run((long) k * n);
        };
    }

    /** cost.sum2/forward. */
    static Kernel sum2Forward(OpenClBackend b) {
        b.launch("cost.kc", "sum2_forward");
        return args -> {
            int n = args.integer("numCases");
            Tensor in = args.tensor("input");
            int rows = (int) (in.size() / Math.max(1, n));
            b.launch("cost.kc", "sum2_forward").mem(in).mem(Shapes.tensor(args, "cost.sum2", "output", n))
                    .ints(n, rows).run(n);
        };
    }

    /** pool/forward. */
    static Kernel poolForward(OpenClBackend b) {
        b.launch("pool.kc", "pool_forward");
        return args -> {
            Pool p = Pool.of(args);
            b.launch("pool.kc", "pool_forward").mem(Shapes.tensor(args, "pool", "input", p.inputSize()))
                    .mem(Shapes.tensor(args, "pool", "output", p.outputSize()))
                    .ints(p.n, p.channels, p.imgSize, p.sizeX, p.start, p.stride, p.outputsX, p.average)
                    .run(Shapes.chunkedItems((long) p.channels * p.outputsX * p.outputsX, p.n));
        };
    }

    /** pool/backward-input. */
    static Kernel poolBackward(OpenClBackend b) {
        b.launch("pool.kc", "pool_backward_input");
        return args -> {
            Pool p = Pool.of(args);
            b.launch("pool.kc", "pool_backward_input").mem(Shapes.tensor(args, "pool", "input", p.inputSize()))
                    .mem(Shapes.tensor(args, "pool", "output", p.outputSize()))
                    .mem(Shapes.tensor(args, "pool", "outputGrad", p.outputSize()))
                    .mem(Shapes.tensor(args, "pool", "inputGrad", p.inputSize()))
                    .ints(p.n, p.channels, p.imgSize, p.sizeX, p.start, p.stride, p.outputsX, p.average,
                            args.integer("accumulate"))
                    .run(Shapes.chunkedItems((long) p.channels * p.imgSize * p.imgSize, p.n));
        };
    }

    /** The pooling geometry of one launch. */
    private static final class Pool {
        final int n;
        final int channels;
        final int imgSize;
        final int sizeX;
        final int start;
        final int stride;
        final int outputsX;
        final int average;

        private Pool(KernelArgs a) {
            n = a.integer("numCases");
            channels = a.integer("channels");
            imgSize = a.integer("imgSize");
            sizeX = a.integer("sizeX");
            start = a.integer("start");
            stride = a.integer("stride");
            outputsX = a.integer("outputsX");
            average = a.integer("average");
        }

        static Pool of(KernelArgs a) {
            return new Pool(a);
        }

        long inputSize() {
            return (long) channels * imgSize * imgSize * n;
        }

        long outputSize() {
            return (long) channels * outputsX * outputsX * n;
        }
    }
}
