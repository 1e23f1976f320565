package org.jconvnet.backend.blas.core;

/**
 * One axis of a family of clipped windows (pooling, cuda-convnet.md §3.5; the norms' neighbourhoods,
 * §3.6 to §3.8): window {@code o} covers {@code [lo(o), hi(o))} within {@code [0, extent)}, and
 * {@code [firstContaining(q), endContaining(q))} are the windows holding position q.
 *
 * @param start   offset of window 0 (negative for centred windows)
 * @param stride  step between windows
 * @param size    window length before clipping
 * @param extent  positions on the axis
 * @param windows number of windows
 * @param blocked non-overlapping blocks of {@code size} (cmrnorm's {@code blocked=1}); start and stride unused
 */
record WindowAxis(int start, int stride, int size, int extent, int windows, boolean blocked) {

    /** Windows {@code [start + o*stride, start + o*stride + size)}, clipped. */
    static WindowAxis strided(int start, int stride, int size, int extent, int windows) {
        return new WindowAxis(start, stride, size, extent, windows, false);
    }

    /** The window of size {@code size} around each position, {@code size/2} positions before it. */
    static WindowAxis centred(int size, int extent) {
        return strided(-(size / 2), 1, size, extent, extent);
    }

    /** Blocks {@code [(o/size)*size, (o/size)*size + size)}, clipped. */
    static WindowAxis blocks(int size, int extent) {
        return new WindowAxis(0, 1, size, extent, extent, true);
    }

    int lo(int o) {
        return blocked ? o / size * size : Math.max(0, start + o * stride);
    }

    int hi(int o) {
        return blocked ? Math.min(extent, o / size * size + size) : Math.min(extent, start + o * stride + size);
    }

    /** The clipped count of window o. */
    int count(int o) {
        return Math.max(0, hi(o) - lo(o));
    }

    int firstContaining(int q) {
        return blocked ? lo(q) : Math.max(0, -Math.floorDiv(-(q - start - size + 1), stride));
    }

    int endContaining(int q) {
        return blocked ? hi(q) : Math.min(windows, Math.floorDiv(q - start, stride) + 1);
    }
}
