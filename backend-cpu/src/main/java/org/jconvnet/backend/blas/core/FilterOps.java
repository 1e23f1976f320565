package org.jconvnet.backend.blas.core;

import org.jconvnet.backend.blas.core.Scratch.WorkerScratch;
import org.jconvnet.backend.blas.core.Sgemm.Operand;

/**
 * conv and local (cuda-convnet.md §3.2, §3.3) as im2col + sgemm. The modules are cut into chunks
 * ({@link FilterGeometry#modulesPerChunk}); a task unfolds its chunk ({@link Unfold}) into native
 * memory and multiplies, per group:
 * <pre>
 * forward           out[f, (m, n)]  = sum_k W[k, f] * cols[k, (m, n)]        (conv: one product per chunk,
 * backward-input    dcols[k, (m, n)] = sum_f W[k, f] * dOut[f, (m, n)]         local: one per module, W of
 * backward-weights  dW[k, f]        = sum_(m, n) cols[k, (m, n)] * dOut[f, (m, n)]   that module)
 * </pre>
 * The output rows {@code (f, m)} of a chunk are contiguous per filter, so they go in and out with
 * one bulk copy per filter; conv's forward product is computed transposed ({@code (m, n) x f}, the
 * faster shape) and transposed back on the way out. Backward-input of a stride-1 conv is the forward pass of the transposed
 * conv (flipped filters over the output gradient, {@link #transposedBackwardInput}); otherwise
 * (local, strides above 1, many more filters than channels) it folds the chunks' column gradients
 * back in chunk order, workers splitting the input rows. conv's weight gradient sums fixed groups
 * of chunks into partials added in order. Nothing depends on the number of workers.
 * <p>An engine built with oneDNN ({@link Compute#Compute(int, boolean)}) runs conv (shared
 * weights) through oneDNN's convolution primitives instead ({@link OneDnnConvolution}), which ran
 * layers-18pct's convs about twice as fast as the products here; local layers, and any conv
 * geometry oneDNN refuses, always run here.
 */
public final class FilterOps {
    /** Partial weight-gradient sums of conv: at most this many, each over consecutive chunks. */
    private static final int WEIGHT_PARTIALS = 16;
    /**
     * Columns of conv's transposing copy-out per pass over the filters: the staged block (1,024 x F
     * floats, 256 KiB at F = 64) stays in the core's 1 MiB L2 cache while every filter's run is written.
     */
    private static final int COPY_BLOCK = 1024;
    /** The smallest inner dimension K for which conv's forward product is transposed ({@link #transposedProduct}). */
    private static final int TRANSPOSED_PRODUCT_MIN_TAPS = 256;

    private final Workers workers;
    private final Scratch scratch;
    /** conv through oneDNN where it takes the geometry; null: every geometry through im2col + sgemm. */
    private final OneDnnConvolutions oneDnn;

    /**
     * Kernels running on {@code workers} with {@code scratch}; conv (not local) through
     * {@code oneDnn} where it is given and takes the geometry, else through im2col + sgemm.
     */
    FilterOps(Workers workers, Scratch scratch, OneDnnConvolutions oneDnn) {
        this.workers = workers;
        this.scratch = scratch;
        this.oneDnn = oneDnn;
    }

    /** The oneDNN convolution of {@code g}, or null where conv runs through im2col + sgemm. */
    private OneDnnConvolution oneDnn(FilterGeometry g) {
        return oneDnn == null ? null : oneDnn.of(g);
    }

    /** {@code output (+)= filterActs(input, weights)}. */
    public void forward(FilterGeometry g, float[] input, float[] weights, float[] output, boolean accumulate) {
        OneDnnConvolution c = oneDnn(g);
        if (c != null) {
            c.forward(input, weights, output, accumulate);
            return;
        }
        multiplyChunks(g, input, g.local() ? null : sharedWeights(weights), weights, output, accumulate);
    }

    /**
     * The forward products of every chunk: conv multiplies by {@code shared} (its {@code K x F}
     * weights in native memory), local by each module's bank of {@code localWeights}.
     */
    private void multiplyChunks(FilterGeometry g, float[] input, NativeFloats shared, float[] localWeights,
                                float[] output, boolean accumulate) {
        int n = g.numCases();
        int f = g.filters();
        int most = maxChunkColumns(g);
        boolean transposed = transposedProduct(g);
        // The transposed product is staged whole for its copy-out; filter rows go through one row.
        scratch.reserve((long) g.unfoldedRows() * most, 0, (long) f * most, localBanks(g), transposed ? f * most : most,
                most);
        workers.run(g.chunks(), (chunk, w) -> {
            WorkerScratch ws = scratch.worker(w);
            int m0 = g.chunkStart(chunk);
            int m1 = g.chunkEnd(chunk);
            int cols = (m1 - m0) * n;
            Unfold.unfold(g, input, ws.columns.ensure((long) g.unfoldedRows() * cols), m0, m1, ws.zeros(cols));
            ws.products.ensure((long) f * cols);
            if (transposed) {
                multiplyTransposed(g, ws, shared, cols);
                copyOutTransposed(g, ws.products, ws.staging(f * cols), output, m0, cols, accumulate);
            } else {
                multiplyRows(g, ws, shared != null ? shared : moduleWeights(g, localWeights, ws, m0, m1), m0, m1);
                float[] row = ws.staging(cols);
                for (int filter = 0; filter < f; filter++) {
                    ws.products.getInto((long) filter * cols, output, (filter * g.modules() + m0) * n, cols,
                            accumulate, row);
                }
            }
        });
    }

    /**
     * Whether conv's forward product is computed transposed, {@code (m, n) x f}: with F, the short
     * side, as the product's last dimension OpenBLAS ran 10-40% faster on the shipped nets' shapes
     * (F = 32 or 64 against 1,000+ columns, K = 800 or 1,600) than with F rows. Not for a short
     * inner dimension (an RGB first layer, K = 75), where the transposing copy-out outweighs the gain.
     */
    private static boolean transposedProduct(FilterGeometry g) {
        return !g.local() && g.taps() >= TRANSPOSED_PRODUCT_MIN_TAPS;
    }

    /** The chunk's products as {@code cols x F} in the worker's products buffer, per group. */
    private static void multiplyTransposed(FilterGeometry g, WorkerScratch ws, NativeFloats weights, int cols) {
        int k = g.taps();
        int fg = g.groupFilters();
        for (int group = 0; group < g.groups(); group++) {
            Sgemm.multiply(true, false, cols, fg, k, 1f, new Operand(ws.columns, (long) group * k * cols, cols),
                    new Operand(weights, group * fg, g.filters()), 0f, new Operand(ws.products, group * fg, g.filters()));
        }
    }

    /**
     * The chunk's products as {@code F x cols} in the worker's products buffer: conv one product per
     * group, local one per module and group with that module's weights ({@code weights} holds the
     * banks of modules {@code [m0, m1)}).
     */
    private static void multiplyRows(FilterGeometry g, WorkerScratch ws, NativeFloats weights, int m0, int m1) {
        int n = g.numCases();
        int k = g.taps();
        int fg = g.groupFilters();
        int f = g.filters();
        int cols = (m1 - m0) * n;
        for (int group = 0; group < g.groups(); group++) {
            if (!g.local()) {
                Sgemm.multiply(true, false, fg, cols, k, 1f, new Operand(weights, group * fg, f),
                        new Operand(ws.columns, (long) group * k * cols, cols), 0f,
                        new Operand(ws.products, (long) group * fg * cols, cols));
                continue;
            }
            for (int m = m0; m < m1; m++) {
                Sgemm.multiply(true, false, fg, n, k, 1f, new Operand(weights, (long) (m - m0) * k * f + group * fg, f),
                        new Operand(ws.columns, (long) group * k * cols + (long) (m - m0) * n, cols), 0f,
                        new Operand(ws.products, (long) group * fg * cols + (long) (m - m0) * n, cols));
            }
        }
    }

    /**
     * Copies a chunk's transposed products ({@code cols x F}, row {@code (m - m0)*N + n}) to the
     * output rows {@code (f, m)}, added when {@code accumulate}, {@link #COPY_BLOCK} columns at a time.
     */
    private static void copyOutTransposed(FilterGeometry g, NativeFloats products, float[] staged, float[] output,
                                          int m0, int cols, boolean accumulate) {
        int f = g.filters();
        int n = g.numCases();
        products.get(0, staged, 0, f * cols);
        for (int from = 0; from < cols; from += COPY_BLOCK) {
            int to = Math.min(cols, from + COPY_BLOCK);
            for (int filter = 0; filter < f; filter++) {
                int out = (filter * g.modules() + m0) * n;
                if (accumulate) {
                    for (int j = from; j < to; j++) {
                        output[out + j] += staged[j * f + filter];
                    }
                } else {
                    for (int j = from; j < to; j++) {
                        output[out + j] = staged[j * f + filter];
                    }
                }
            }
        }
    }

    /**
     * {@code inputGrad (+)= imgActs(outputGrad, weights)}: through oneDNN where the engine has it
     * and it takes the geometry. Otherwise a stride-1 conv whose transposed unfold
     * is not much larger than its column gradient ({@link FilterGeometry#transposable}) computes it
     * as the forward pass of the transposed convolution ({@link #transposedBackwardInput}); every
     * other geometry through column gradients folded back ({@link #foldedBackwardInput}).
     */
    public void backwardInput(FilterGeometry g, float[] outputGrad, float[] weights, float[] inputGrad,
                              boolean accumulate) {
        OneDnnConvolution c = oneDnn(g);
        if (c != null) {
            c.backwardInput(outputGrad, weights, inputGrad, accumulate);
        } else if (g.transposable()) {
            transposedBackwardInput(g, outputGrad, weights, inputGrad, accumulate);
        } else {
            foldedBackwardInput(g, outputGrad, weights, inputGrad, accumulate);
        }
    }

    /**
     * The input gradient of a stride-1 conv as a forward conv: {@code inputGrad[c, y, x] =
     * sum_(f, fy, fx) W[(c, fy, fx), f] dOut[f, y + p - fy, x + p - fx]}, which is the conv of the
     * output gradient (F channels, M x M) by the filters flipped in space with the roles of channels
     * and filters swapped, padding {@code fs - 1 - p}, giving S x S modules
     * ({@link FilterGeometry#transposed}). It runs through the same chunked im2col + sgemm as the
     * forward pass: one product of inner dimension {@code F/G*fs*fs} per chunk, written once,
     * instead of a product of inner dimension F/G into column gradients that are then copied to the
     * heap and added back pixel by pixel. Each input-gradient value is one product's output, so the
     * result does not depend on the number of workers either.
     */
    void transposedBackwardInput(FilterGeometry g, float[] outputGrad, float[] weights, float[] inputGrad,
                                 boolean accumulate) {
        multiplyChunks(g.transposed(), outputGrad, flippedWeights(g, weights), null, inputGrad, accumulate);
    }

    /**
     * The transposed conv's weights ({@code F/G*fs*fs x C}) in the shared native buffer:
     * {@code W'[(f, t), g*C/G + c] = W[(c, fs*fs - 1 - t), g*F/G + f]} per group g, t the tap
     * {@code fy*fs + fx}; staged in shared slot 0.
     */
    private NativeFloats flippedWeights(FilterGeometry g, float[] weights) {
        int taps = g.filterSize() * g.filterSize();
        int cf = g.filterChannels();
        int fg = g.groupFilters();
        int c = g.channels();
        int f = g.filters();
        float[] flipped = scratch.slot(0, weights.length);
        for (int group = 0; group < g.groups(); group++) {
            for (int fl = 0; fl < fg; fl++) {
                for (int t = 0; t < taps; t++) {
                    int row = (fl * taps + t) * c + group * cf;
                    int source = (taps - 1 - t) * f + group * fg + fl;
                    for (int cl = 0; cl < cf; cl++) {
                        flipped[row + cl] = weights[cl * taps * f + source];
                    }
                }
            }
        }
        NativeFloats shared = scratch.shared(weights.length);
        shared.put(0, flipped, 0, weights.length);
        return shared;
    }

    /** {@code inputGrad (+)= imgActs(outputGrad, weights)} through column gradients folded back (col2im). */
    void foldedBackwardInput(FilterGeometry g, float[] outputGrad, float[] weights, float[] inputGrad,
                             boolean accumulate) {
        if (!accumulate) {
            workers.forRange(inputGrad.length, 1 << 14, (from, to, w) -> java.util.Arrays.fill(inputGrad, from, to, 0f));
        }
        NativeFloats shared = g.local() ? null : sharedWeights(weights);
        int n = g.numCases();
        int k = g.taps();
        int fg = g.groupFilters();
        int f = g.filters();
        int rows = g.unfoldedRows();
        int chunks = g.chunks();
        int most = maxChunkColumns(g);
        scratch.reserve((long) rows * most, (long) f * most, 0, localBanks(g), 0, 0);
        // Chunks per round: enough that the two phases' barriers are few; the order in which the
        // chunks are folded back is chunk order whatever the round size.
        int round = 4 * workers.count();
        for (int first = 0; first < chunks; first += round) {
            int start = first;
            int inRound = Math.min(round, chunks - first);
            workers.run(inRound, (slot, w) -> {
                WorkerScratch ws = scratch.worker(w);
                int chunk = start + slot;
                int m0 = g.chunkStart(chunk);
                int m1 = g.chunkEnd(chunk);
                int cols = (m1 - m0) * n;
                putOutputRows(g, outputGrad, ws.grads.ensure((long) f * cols), m0, m1);
                ws.columns.ensure((long) rows * cols);
                NativeFloats wts = shared != null ? shared : moduleWeights(g, weights, ws, m0, m1);
                for (int group = 0; group < g.groups(); group++) {
                    if (!g.local()) {
                        Sgemm.multiply(false, false, k, cols, fg, 1f, new Operand(wts, group * fg, f),
                                new Operand(ws.grads, (long) group * fg * cols, cols), 0f,
                                new Operand(ws.columns, (long) group * k * cols, cols));
                        continue;
                    }
                    for (int m = m0; m < m1; m++) {
                        Sgemm.multiply(false, false, k, n, fg, 1f,
                                new Operand(wts, (long) (m - m0) * k * f + group * fg, f),
                                new Operand(ws.grads, (long) group * fg * cols + (long) (m - m0) * n, cols), 0f,
                                new Operand(ws.columns, (long) group * k * cols + (long) (m - m0) * n, cols));
                    }
                }
                ws.columns.get(0, scratch.slot(slot, rows * cols), 0, rows * cols);
            });
            workers.forRange(g.channels() * g.imgSize(), 1, (from, to, w) -> {
                for (int slot = 0; slot < inRound; slot++) {
                    int chunk = start + slot;
                    int m0 = g.chunkStart(chunk);
                    int m1 = g.chunkEnd(chunk);
                    Unfold.fold(g, scratch.slot(slot, 0), inputGrad, m0, m1, from, to);
                }
            });
        }
    }

    /** {@code weightsGrad (+)= weightActs(input, outputGrad)}. */
    public void backwardWeights(FilterGeometry g, float[] input, float[] outputGrad, float[] weightsGrad,
                                boolean accumulate) {
        OneDnnConvolution c = oneDnn(g);
        if (c != null) {
            c.backwardWeights(input, outputGrad, weightsGrad, accumulate);
            return;
        }
        if (g.local()) {
            localBackwardWeights(g, input, outputGrad, weightsGrad, accumulate);
            return;
        }
        int n = g.numCases();
        int k = g.taps();
        int fg = g.groupFilters();
        int f = g.filters();
        int chunks = g.chunks();
        int partials = Math.min(chunks, WEIGHT_PARTIALS);
        int size = k * f;
        int most = maxChunkColumns(g);
        scratch.reserve((long) g.unfoldedRows() * most, (long) f * most, size, 0, 0, most);
        workers.run(partials, (part, w) -> {
            WorkerScratch ws = scratch.worker(w);
            ws.products.ensure(size);
            int from = part * chunks / partials;
            int to = (part + 1) * chunks / partials;
            for (int chunk = from; chunk < to; chunk++) {
                int m0 = g.chunkStart(chunk);
                int m1 = g.chunkEnd(chunk);
                int cols = (m1 - m0) * n;
                Unfold.unfold(g, input, ws.columns.ensure((long) g.unfoldedRows() * cols), m0, m1, ws.zeros(cols));
                putOutputRows(g, outputGrad, ws.grads.ensure((long) f * cols), m0, m1);
                for (int group = 0; group < g.groups(); group++) {
                    Sgemm.multiply(false, true, k, fg, cols, 1f, new Operand(ws.columns, (long) group * k * cols, cols),
                            new Operand(ws.grads, (long) group * fg * cols, cols), chunk == from ? 0f : 1f,
                            new Operand(ws.products, group * fg, f));
                }
            }
            ws.products.get(0, scratch.slot(part, size), 0, size);
        });
        float[][] sums = new float[partials][];
        for (int part = 0; part < partials; part++) {
            sums[part] = scratch.slot(part, 0);
        }
        workers.forRange(size, 1 << 12, (from, to, w) -> {
            for (int e = from; e < to; e++) {
                float sum = 0;
                for (int part = 0; part < partials; part++) {
                    sum += sums[part][e];
                }
                weightsGrad[e] = accumulate ? weightsGrad[e] + sum : sum;
            }
        });
    }

    private void localBackwardWeights(FilterGeometry g, float[] input, float[] outputGrad, float[] weightsGrad,
                                      boolean accumulate) {
        int n = g.numCases();
        int k = g.taps();
        int fg = g.groupFilters();
        int f = g.filters();
        int most = maxChunkColumns(g);
        long banks = localBanks(g);
        scratch.reserve((long) g.unfoldedRows() * most, (long) f * most, banks, 0, (int) banks, most);
        workers.run(g.chunks(), (chunk, w) -> {
            WorkerScratch ws = scratch.worker(w);
            int m0 = g.chunkStart(chunk);
            int m1 = g.chunkEnd(chunk);
            int cols = (m1 - m0) * n;
            int bank = k * f;
            Unfold.unfold(g, input, ws.columns.ensure((long) g.unfoldedRows() * cols), m0, m1, ws.zeros(cols));
            putOutputRows(g, outputGrad, ws.grads.ensure((long) f * cols), m0, m1);
            ws.products.ensure((long) (m1 - m0) * bank);
            for (int m = m0; m < m1; m++) {
                for (int group = 0; group < g.groups(); group++) {
                    Sgemm.multiply(false, true, k, fg, n, 1f,
                            new Operand(ws.columns, (long) group * k * cols + (long) (m - m0) * n, cols),
                            new Operand(ws.grads, (long) group * fg * cols + (long) (m - m0) * n, cols), 0f,
                            new Operand(ws.products, (long) (m - m0) * bank + group * fg, f));
                }
            }
            ws.products.getInto(0, weightsGrad, m0 * bank, (m1 - m0) * bank, accumulate, ws.staging((m1 - m0) * bank));
        });
    }

    /** Columns of the widest chunk. */
    private static int maxChunkColumns(FilterGeometry g) {
        return g.modulesPerChunk() * g.numCases();
    }

    /** Floats of local's banks of the widest chunk's modules, or 0 for conv. */
    private static long localBanks(FilterGeometry g) {
        return g.local() ? (long) g.modulesPerChunk() * g.taps() * g.filters() : 0;
    }

    /** Conv's weights ({@code K x F}) in the shared native buffer, read by every task. */
    private NativeFloats sharedWeights(float[] weights) {
        NativeFloats shared = scratch.shared(weights.length);
        shared.put(0, weights, 0, weights.length);
        return shared;
    }

    /** Local's banks of modules {@code [m0, m1)} in the worker's native buffer. */
    private static NativeFloats moduleWeights(FilterGeometry g, float[] weights, WorkerScratch ws, int m0, int m1) {
        int bank = g.taps() * g.filters();
        ws.weights.ensure((long) (m1 - m0) * bank);
        ws.weights.put(0, weights, m0 * bank, (m1 - m0) * bank);
        return ws.weights;
    }

    /** Output rows {@code (f, m)} for m in {@code [m0, m1)}: per filter one contiguous run, to row f of {@code target}. */
    private static void putOutputRows(FilterGeometry g, float[] rowsByFilter, NativeFloats target, int m0, int m1) {
        int n = g.numCases();
        int cols = (m1 - m0) * n;
        for (int filter = 0; filter < g.filters(); filter++) {
            target.put((long) filter * cols, rowsByFilter, (filter * g.modules() + m0) * n, cols);
        }
    }
}
