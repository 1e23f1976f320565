package org.jconvnet.backend.opencl.kernels;

import org.jconvnet.api.kernel.Kernel;
import org.jconvnet.api.kernel.KernelArgs;
import org.jconvnet.backend.opencl.OpenClBackend;

/**
 * fc: all three ops are one strided matrix product ({@code fc_matmul} in fc.kc). Weights are
 * Din x Dout Fortran-ordered: W[i,j] at {@code j*Din + i}.
 */
final class FcKernels {
    private static final String SRC = "fc.kc";
    private static final String FN = "fc_matmul";

    private FcKernels() {
    }

    /** fc/forward: output (Dout x N) = W^T input. */
    static Kernel forward(OpenClBackend b) {
        b.launch(SRC, FN);
        return args -> {
            Dims d = new Dims(args);
            b.launch(SRC, FN).mem(Shapes.tensor(args, "fc", "weights", d.w())).mem(Shapes.tensor(args, "fc", "input", d.in()))
                    .mem(Shapes.tensor(args, "fc", "output", d.out()))
                    .ints(d.dout, d.n, d.din, d.din, 1, d.n, 1, d.n, 1, d.acc).run(items(d.dout, d.n));
        };
    }

    /** fc/backward-input: inputGrad (Din x N) = W outputGrad. */
    static Kernel backwardInput(OpenClBackend b) {
        b.launch(SRC, FN);
        return args -> {
            Dims d = new Dims(args);
            b.launch(SRC, FN).mem(Shapes.tensor(args, "fc", "weights", d.w()))
                    .mem(Shapes.tensor(args, "fc", "outputGrad", d.out()))
                    .mem(Shapes.tensor(args, "fc", "inputGrad", d.in()))
                    .ints(d.din, d.n, d.dout, 1, d.din, d.n, 1, d.n, 1, d.acc).run(items(d.din, d.n));
        };
    }

    /** fc/backward-weights: dW (Din x Dout, Fortran) = input outputGrad^T. */
    static Kernel backwardWeights(OpenClBackend b) {
        b.launch(SRC, FN);
        return args -> {
            Dims d = new Dims(args);
            b.launch(SRC, FN).mem(Shapes.tensor(args, "fc", "input", d.in()))
                    .mem(Shapes.tensor(args, "fc", "outputGrad", d.out()))
                    .mem(Shapes.tensor(args, "fc", "weightsGrad", d.w()))
                    .ints(d.din, d.dout, d.n, d.n, 1, 1, d.n, 1, d.din, d.acc).run(items(d.din, d.dout));
        };
    }

    private static long items(int rows, int cols) {
        return (long) ((rows + 3) / 4) * ((cols + 3) / 4);
    }

    /** The fc integers of one launch. */
    private static final class Dims {
        final int n;
        final int din;
        final int dout;
        final int acc;

        Dims(KernelArgs a) {
            n = a.integer("numCases");
            din = a.integer("inputs");
            dout = a.integer("outputs");
            acc = a.integer("accumulate");
        }

        long in() {
            return (long) din * n;
        }

        long out() {
            return (long) dout * n;
        }

        long w() {
            return (long) din * dout;
        }
    }
}
