package org.jconvnet.backend.blas.core;

import org.jconvnet.backend.blas.core.Scratch.WorkerScratch;
import org.jconvnet.backend.blas.core.Sgemm.Operand;

/**
 * fc (cuda-convnet.md §3.4) as sgemm. The weights {@code W[i, j]} are stored at {@code j*Din + i}
 * (cuda-convnet.md §2.4), which read row-major is the {@code Dout x Din} matrix {@code Wt}:
 * <pre>
 * forward           out (Dout x N)  = Wt * in (Din x N)
 * backward-input    dIn (Din x N)   = Wt^T * dOut (Dout x N)
 * backward-weights  dWt (Dout x Din) = dOut * in^T
 * </pre>
 * Each product is split over column blocks of its result of a fixed width, one task per block.
 * The width never depends on the number of workers: OpenBLAS may sum a narrower block in another
 * order (its kernels for small or partial tiles differ), so a split by worker count would change
 * the last bits with the machine.
 */
public final class DenseOps {
    /** Result columns per task (the last block may be narrower). */
    private static final int BLOCK_COLUMNS = 64;

    private final Workers workers;
    private final Scratch scratch;

    /** Kernels running on {@code workers} with {@code scratch}. */
    public DenseOps(Workers workers, Scratch scratch) {
        this.workers = workers;
        this.scratch = scratch;
    }

    /** {@code output (+)= Wt input}. */
    public void forward(int inputs, int outputs, int n, float[] input, float[] weights, float[] output,
                        boolean accumulate) {
        NativeFloats both = shared(weights, input);
        long inAt = weights.length;
        blocks(n, (from, to, ws) -> {
            int cols = to - from;
            ws.products.ensure((long) outputs * cols);
            Sgemm.multiply(false, false, outputs, cols, inputs, 1f, new Operand(both, 0, inputs),
                    new Operand(both, inAt + from, n), 0f, new Operand(ws.products, 0, cols));
            copyOut(ws, outputs, cols, output, n, from, accumulate);
        });
    }

    /** {@code inputGrad (+)= Wt^T outputGrad}. */
    public void backwardInput(int inputs, int outputs, int n, float[] outputGrad, float[] weights, float[] inputGrad,
                              boolean accumulate) {
        NativeFloats both = shared(weights, outputGrad);
        long gradAt = weights.length;
        blocks(n, (from, to, ws) -> {
            int cols = to - from;
            ws.products.ensure((long) inputs * cols);
            Sgemm.multiply(true, false, inputs, cols, outputs, 1f, new Operand(both, 0, inputs),
                    new Operand(both, gradAt + from, n), 0f, new Operand(ws.products, 0, cols));
            copyOut(ws, inputs, cols, inputGrad, n, from, accumulate);
        });
    }

    /** {@code weightsGrad (+)= (outputGrad input^T)} in the weights' layout. */
    public void backwardWeights(int inputs, int outputs, int n, float[] input, float[] outputGrad, float[] weightsGrad,
                                boolean accumulate) {
        NativeFloats both = shared(outputGrad, input);
        long inAt = outputGrad.length;
        blocks(inputs, (from, to, ws) -> {
            int cols = to - from;
            ws.products.ensure((long) outputs * cols);
            Sgemm.multiply(false, true, outputs, cols, n, 1f, new Operand(both, 0, n),
                    new Operand(both, inAt + (long) from * n, n), 0f, new Operand(ws.products, 0, cols));
            copyOut(ws, outputs, cols, weightsGrad, inputs, from, accumulate);
        });
    }

    /** A body for result columns {@code [from, to)} with the worker's scratch. */
    @FunctionalInterface
    private interface Block {
        void run(int from, int to, WorkerScratch ws);
    }

    private void blocks(int columns, Block body) {
        int tasks = Math.max(1, (columns + BLOCK_COLUMNS - 1) / BLOCK_COLUMNS);
        workers.run(tasks, (t, w) -> body.run(t * BLOCK_COLUMNS, Math.min(columns, (t + 1) * BLOCK_COLUMNS),
                scratch.worker(w)));
    }

    /** {@code a} then {@code b} in the shared native buffer, read by every task. */
    private NativeFloats shared(float[] a, float[] b) {
        NativeFloats both = scratch.shared((long) a.length + b.length);
        both.put(0, a, 0, a.length);
        both.put(a.length, b, 0, b.length);
        return both;
    }

    /** Copies the {@code rows x cols} product to columns {@code [from, from+cols)} of a matrix of {@code width} columns. */
    private static void copyOut(WorkerScratch ws, int rows, int cols, float[] target, int width, int from,
                                boolean accumulate) {
        float[] staging = ws.staging(cols);
        for (int r = 0; r < rows; r++) {
            ws.products.getInto((long) r * cols, target, r * width + from, cols, accumulate, staging);
        }
    }
}
