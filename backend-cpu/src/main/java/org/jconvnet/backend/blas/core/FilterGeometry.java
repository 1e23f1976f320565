package org.jconvnet.backend.blas.core;

/**
 * The geometry of one conv or local launch (cuda-convnet.md §2.4, §3.2, §3.3), and how the kernels
 * cut its modules into chunks. Input rows are {@code (c, y, x)}, output rows {@code (f, my, mx)},
 * weight rows {@code (c', fy, fx)} of {@code K = Cf*fs*fs} taps (times the module for local); cases
 * are the fastest index everywhere (cuda-convnet.md §2.2), so the unfolded image of a chunk of
 * modules is a {@code C*fs*fs x (modules*N)} matrix whose rows are runs of whole input rows.
 *
 * @param local      unshared weights (one bank of K x F per module)
 * @param channels   C
 * @param imgSize    S
 * @param filters    F, over all groups
 * @param filterSize fs
 * @param padding    zero pixels on each side
 * @param stride     module stride
 * @param modulesX   M
 * @param groups     G
 * @param numCases   N
 */
public record FilterGeometry(boolean local, int channels, int imgSize, int filters, int filterSize, int padding,
                             int stride, int modulesX, int groups, int numCases) {
    /**
     * Floats of one worker's unfolded chunk the chunking aims at: 4 MiB, so that both workers'
     * chunks stay in the shared L3 cache (32 MiB here) while OpenBLAS packs them. Larger chunks
     * mean fewer, wider products: each product packs its whole weight operand ({@code K x F/G},
     * up to 400 KiB in the shipped nets) once, which with one-module chunks of a {@code K = 1600}
     * layer (800 KiB of unfolded columns each) was half as much again as the unfolded data; the
     * weight gradient's inner dimension is the chunk's columns, so its result is read and written
     * once per several modules instead of once per module; and neighbouring modules' runs merge
     * into longer copies in {@link Unfold}. (Aiming at the core's L2 cache instead, 256 KiB,
     * gave one-module chunks on every layer with {@code K >= 512}.) A module whose unfolded
     * columns alone are larger gets a chunk of its own.
     */
    static final long CHUNK_FLOATS = 1 << 20;
    /** Chunks at least this many per launch where there are enough modules, so every worker gets several. */
    static final int MIN_CHUNKS = 8;

    /** Cf = C/G. */
    public int filterChannels() {
        return channels / groups;
    }

    /** F/G, the filters of one group. */
    public int groupFilters() {
        return filters / groups;
    }

    /** K = Cf*fs*fs, the taps of one filter: the inner dimension of the products. */
    public int taps() {
        return filterChannels() * filterSize * filterSize;
    }

    /** C*fs*fs, the rows of an unfolded chunk (every group's taps). */
    public int unfoldedRows() {
        return channels * filterSize * filterSize;
    }

    /** M*M. */
    public int modules() {
        return modulesX * modulesX;
    }

    /** Elements of the input: {@code C*S*S*N}. */
    public long inputSize() {
        return (long) channels * imgSize * imgSize * numCases;
    }

    /** Elements of the output: {@code F*M*M*N}. */
    public long outputSize() {
        return (long) filters * modules() * numCases;
    }

    /** Elements of the weights: {@code K*F}, times M*M for local. */
    public long weightsSize() {
        return (long) taps() * filters * (local ? modules() : 1);
    }

    /**
     * Modules per chunk: as many as fit {@link #CHUNK_FLOATS} unfolded, but few enough for
     * {@link #MIN_CHUNKS} chunks. It depends on the geometry only, never on the number of workers,
     * so results do not either.
     */
    public int modulesPerChunk() {
        long perModule = Math.max(1L, (long) unfoldedRows() * numCases);
        long byBudget = Math.max(1, CHUNK_FLOATS / perModule);
        long bySpread = Math.max(1, (modules() + MIN_CHUNKS - 1) / MIN_CHUNKS);
        return (int) Math.min(modules(), Math.min(byBudget, bySpread));
    }

    /**
     * Whether the input gradient is computed as the forward pass of the {@link #transposed} conv:
     * conv (shared weights) of stride 1, where the transposed unfold ({@code F*fs*fs x S*S*N}) is at
     * most twice the column gradient of the folding path ({@code C*fs*fs x M*M*N}). It is not for a
     * layer with many more filters than channels (an RGB first layer: F = 64, C = 3 would unfold
     * 21 times more), nor for strides above 1 (the transposed conv would need a dilated input).
     */
    public boolean transposable() {
        return !local && stride == 1
                && (long) filters * imgSize * imgSize <= 2L * channels * modulesX * modulesX;
    }

    /**
     * The conv whose forward pass is this stride-1 conv's input gradient: the output gradient
     * (F channels of M x M) is its input, the C channels of the input gradient its filters, the
     * filter size the same, the padding {@code fs - 1 - padding} (module {@code (y, x)} of it reads
     * output-gradient pixels {@code y + padding - fy}), S x S modules, the same groups and cases.
     */
    public FilterGeometry transposed() {
        if (!transposable()) {
            throw new IllegalStateException("no transposed conv for " + this);
        }
        return new FilterGeometry(false, filters, modulesX, channels, filterSize, filterSize - 1 - padding, 1, imgSize,
                groups, numCases);
    }

    /** The number of chunks. */
    public int chunks() {
        int mb = modulesPerChunk();
        return (modules() + mb - 1) / mb;
    }

    /** First module of chunk {@code chunk}. */
    public int chunkStart(int chunk) {
        return Math.min(modules(), chunk * modulesPerChunk());
    }

    /** One past the last module of chunk {@code chunk}. */
    public int chunkEnd(int chunk) {
        return Math.min(modules(), (chunk + 1) * modulesPerChunk());
    }

    /** The input pixel row (y or x) that tap {@code f} of module coordinate {@code m} reads; may be outside. */
    int source(int m, int f) {
        return m * stride - padding + f;
    }
}
