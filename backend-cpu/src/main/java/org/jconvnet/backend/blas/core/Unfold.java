package org.jconvnet.backend.blas.core;

/**
 * im2col and its transpose over cuda-convnet's image layout (cuda-convnet.md §2.2). The unfolded
 * chunk of modules {@code [m0, m1)} is a {@code C*fs*fs x ((m1-m0)*N)} row-major matrix: row
 * {@code (c, fy, fx)}, column {@code (m - m0)*N + n} holds input {@code (c, y0(m)+fy, x0(m)+fx)} of
 * case n, or 0 outside the image. Because the case index is fastest, each (row, module) is one run
 * of N contiguous input values, and neighbouring modules read neighbouring runs when the stride is
 * 1: {@link #unfold} copies whole merged runs with one bulk copy each.
 */
final class Unfold {
    private Unfold() {
    }

    /** Writes the unfolded chunk {@code [m0, m1)} of {@code input} into {@code columns} from element 0. */
    static void unfold(FilterGeometry g, float[] input, NativeFloats columns, int m0, int m1, float[] zeros) {
        int n = g.numCases();
        int s = g.imgSize();
        int fs = g.filterSize();
        int mx = g.modulesX();
        long cols = (long) (m1 - m0) * n;
        Runs runs = new Runs(columns, input, zeros);
        for (int c = 0; c < g.channels(); c++) {
            for (int fy = 0; fy < fs; fy++) {
                for (int fx = 0; fx < fs; fx++) {
                    long base = (long) ((c * fs + fy) * fs + fx) * cols;
                    for (int m = m0; m < m1; m++) {
                        int y = g.source(m / mx, fy);
                        int x = g.source(m % mx, fx);
                        boolean inside = y >= 0 && y < s && x >= 0 && x < s;
                        runs.add(base + (long) (m - m0) * n, inside ? ((c * s + y) * s + x) * n : -1, n);
                    }
                    runs.flush();
                }
            }
        }
    }

    /**
     * Adds the unfolded gradient chunk {@code [m0, m1)} ({@code columns}, laid out as {@link #unfold}
     * writes) to {@code inputGrad}, for the input rows {@code (c, y)} with {@code c*S + y} in
     * {@code [rowFrom, rowTo)}: every value goes back to the pixel it was read from. Rows partition
     * the writes, so workers may fold disjoint row ranges of one chunk at once.
     */
    static void fold(FilterGeometry g, float[] columns, float[] inputGrad, int m0, int m1, int rowFrom, int rowTo) {
        int n = g.numCases();
        int s = g.imgSize();
        int fs = g.filterSize();
        int mxs = g.modulesX();
        int cols = (m1 - m0) * n;
        for (int cy = rowFrom; cy < rowTo; cy++) {
            int c = cy / s;
            int y = cy % s;
            for (int fy = 0; fy < fs; fy++) {
                int t = y + g.padding() - fy;
                if (t < 0 || t % g.stride() != 0 || t / g.stride() >= mxs) {
                    continue;
                }
                int my = t / g.stride();
                int first = Math.max(m0, my * mxs);
                int last = Math.min(m1, (my + 1) * mxs);
                for (int fx = 0; fx < fs; fx++) {
                    int base = ((c * fs + fy) * fs + fx) * cols;
                    for (int m = first; m < last; m++) {
                        int x = g.source(m % mxs, fx);
                        if (x < 0 || x >= s) {
                            continue;
                        }
                        int src = base + (m - m0) * n;
                        int dst = ((c * s + y) * s + x) * n;
                        for (int i = 0; i < n; i++) {
                            inputGrad[dst + i] += columns[src + i];
                        }
                    }
                }
            }
        }
    }

    /** Pending bulk copy, extended while the next run continues both source and destination. */
    private static final class Runs {
        private final NativeFloats target;
        private final float[] source;
        private final float[] zeros;
        private long dst = -1;
        private int src;
        private int length;

        Runs(NativeFloats target, float[] source, float[] zeros) {
            this.target = target;
            this.source = source;
            this.zeros = zeros;
        }

        /** Queues {@code n} values from {@code from} (or zeros when {@code from < 0}) to {@code to}. */
        void add(long to, int from, int n) {
            boolean continues = length > 0 && to == dst + length
                    && (from < 0 ? src < 0 : src >= 0 && from == src + length);
            if (continues && (from >= 0 || length + n <= zeros.length)) {
                length += n;
                return;
            }
            flush();
            dst = to;
            src = from;
            length = n;
        }

        void flush() {
            if (length > 0) {
                if (src < 0) {
                    target.put(dst, zeros, 0, length);
                } else {
                    target.put(dst, source, src, length);
                }
            }
            length = 0;
        }
    }
}
