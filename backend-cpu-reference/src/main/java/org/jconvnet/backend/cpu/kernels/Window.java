package org.jconvnet.backend.cpu.kernels;

/**
 * One axis of a clipped window family: window {@code o} covers {@code [lo(o), hi(o))}, already
 * intersected with {@code [0, extent)}; the reverse range lists the windows that contain a given
 * position. Pooling, rnorm/cnorm and cmrnorm use it (cuda-convnet.md §3.5 to §3.8).
 */
abstract class Window {

    /** First position of window {@code o}. */
    abstract int lo(int o);

    /** One past the last position of window {@code o}. */
    abstract int hi(int o);

    /** First window containing position {@code q}. */
    abstract int reverseLo(int q);

    /** One past the last window containing position {@code q}. */
    abstract int reverseHi(int q);

    /** Number of positions of window {@code o} (the clipped count). */
    final int count(int o) {
        return Math.max(0, hi(o) - lo(o));
    }

    /**
     * Windows {@code [start + o*stride, start + o*stride + size) ∩ [0, extent)} for
     * {@code o < outputs}. Pooling uses its start and stride; the norms use start {@code -size/2},
     * stride 1, which puts {@code size/2} positions before the centre and the rest after.
     */
    static Window strided(int start, int stride, int size, int extent, int outputs) {
        return new Window() {
            @Override
            int lo(int o) {
                return Math.max(0, start + o * stride);
            }

            @Override
            int hi(int o) {
                return Math.min(extent, start + o * stride + size);
            }

            @Override
            int reverseLo(int q) {
                // smallest o with start + o*stride + size > q, i.e. o >= ceil((q - start - size + 1) / stride)
                return Math.max(0, -Math.floorDiv(-(q - start - size + 1), stride));
            }

            @Override
            int reverseHi(int q) {
                // largest o with start + o*stride <= q, plus one
                return Math.min(outputs, Math.floorDiv(q - start, stride) + 1);
            }
        };
    }

    /** Non-overlapping blocks {@code [(o/size)*size, (o/size)*size + size) ∩ [0, extent)}: cmrnorm's {@code blocked=1}. */
    static Window blocked(int size, int extent) {
        return new Window() {
            @Override
            int lo(int o) {
                return (o / size) * size;
            }

            @Override
            int hi(int o) {
                return Math.min(extent, (o / size) * size + size);
            }

            @Override
            int reverseLo(int q) {
                return lo(q);
            }

            @Override
            int reverseHi(int q) {
                return hi(q);
            }
        };
    }
}
