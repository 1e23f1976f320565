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
        product(false, false, outputs, n, inputs, weights, inputs, input, n, output, accumulate);
    }

    /** {@code inputGrad (+)= Wt^T outputGrad}. */
    public void backwardInput(int inputs, int outputs, int n, float[] outputGrad, float[] weights, float[] inputGrad,
                              boolean accumulate) {
        product(true, false, inputs, n, outputs, weights, inputs, outputGrad, n, inputGrad, accumulate);
    }

    /** {@code weightsGrad (+)= (outputGrad input^T)} in the weights' layout. */
    public void backwardWeights(int inputs, int outputs, int n, float[] input, float[] outputGrad, float[] weightsGrad,
                                boolean accumulate) {
        product(false, true, outputs, inputs, n, outputGrad, n, input, n, weightsGrad, accumulate);
    }

    /**
     * {@code result (+)= op(a) op(b)}, all row-major: {@code result} is {@code rows x columns},
     * {@code op(a)} is {@code rows x depth} and {@code op(b)} is {@code depth x columns}, where
     * {@code op} transposes when its flag is set; {@code lda} and {@code ldb} are the row strides of
     * {@code a} and {@code b} as stored. {@code a} and {@code b} are copied once into the shared
     * native buffer; each task multiplies one column block of the result into its worker's scratch
     * and copies it out (column {@code j} of {@code op(b)} is row {@code j} of a transposed {@code b}).
     */
    private void product(boolean transA, boolean transB, int rows, int columns, int depth, float[] a, int lda,
                         float[] b, int ldb, float[] result, boolean accumulate) {
        NativeFloats both = shared(a, b);
        long bAt = a.length;
        blocks(columns, rows, (from, to, ws) -> {
            int cols = to - from;
            ws.products.ensure((long) rows * cols);
            long bFrom = bAt + (transB ? (long) from * ldb : from);
            Sgemm.multiply(transA, transB, rows, cols, depth, 1f, new Operand(both, 0, lda),
                    new Operand(both, bFrom, ldb), 0f, new Operand(ws.products, 0, cols));
            copyOut(ws, rows, cols, result, columns, from, accumulate);
        });
    }

    /** A body for result columns {@code [from, to)} with the worker's scratch. */
    @FunctionalInterface
    private interface Block {
        void run(int from, int to, WorkerScratch ws);
    }

    /** Runs the blocks of a {@code rows x columns} result, every worker's buffers reserved for the widest. */
    private void blocks(int columns, int rows, Block body) {
        int widest = Math.min(columns, BLOCK_COLUMNS);
        scratch.reserve(0, 0, (long) rows * widest, 0, widest, 0);
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
