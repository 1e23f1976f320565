package org.jconvnet.backend.cpu.kernels;

import org.jconvnet.api.kernel.contract.Norm;

/**
 * Which activation rows a normalisation sums over. A row is (map f, pixel p) = {@code f*S*S + p}.
 * cmrnorm's window runs over maps at a fixed pixel; rnorm's and cnorm's over a square of pixels
 * within one map. The reverse neighbourhood of q is {@code {r : q in window(r)}}, what a backward
 * pass gathers over.
 */
final class Neighbourhood {
    private final boolean acrossMaps;
    private final int imgSize;
    private final Window window;

    private Neighbourhood(boolean acrossMaps, int imgSize, Window window) {
        this.acrossMaps = acrossMaps;
        this.imgSize = imgSize;
        this.window = window;
    }

    /** The neighbourhood of a normalisation of geometry {@code shape}. */
    static Neighbourhood of(Norm.Shape shape) {
        int maps = shape.channels();
        int s = shape.imgSize();
        int size = shape.size();
        if (shape.kind() == Norm.Kind.CMRNORM) {
            Window w = shape.blocked() ? Window.blocked(size, maps)
                    : Window.strided(-(size / 2), 1, size, maps, maps);
            return new Neighbourhood(true, s, w);
        }
        return new Neighbourhood(false, s, Window.strided(-(size / 2), 1, size, s, s));
    }

    /** The rows of window(row), in increasing order; returns their count. */
    int window(int row, int[] out) {
        return collect(row, out, false);
    }

    /** The rows r whose window holds {@code row}, in increasing order; returns their count. */
    int reverse(int row, int[] out) {
        return collect(row, out, true);
    }

    /** The number of rows of window(row), |W(row)|, the clipped count. */
    int windowCount(int row) {
        int pixels = imgSize * imgSize;
        if (acrossMaps) {
            return window.count(row / pixels);
        }
        return window.count(row % pixels / imgSize) * window.count(row % imgSize);
    }

    /** An upper bound on either count. */
    int maxSize(int size) {
        return acrossMaps ? size : size * size;
    }

    private int lo(int v, boolean reverse) {
        return reverse ? window.reverseLo(v) : window.lo(v);
    }

    private int hi(int v, boolean reverse) {
        return reverse ? window.reverseHi(v) : window.hi(v);
    }

    private int collect(int row, int[] out, boolean reverse) {
        int pixels = imgSize * imgSize;
        int map = row / pixels;
        int pixel = row % pixels;
        int k = 0;
        if (acrossMaps) {
            for (int g = lo(map, reverse); g < hi(map, reverse); g++) {
                out[k++] = g * pixels + pixel;
            }
            return k;
        }
        int y = pixel / imgSize;
        int x = pixel % imgSize;
        for (int yy = lo(y, reverse); yy < hi(y, reverse); yy++) {
            for (int xx = lo(x, reverse); xx < hi(x, reverse); xx++) {
                out[k++] = map * pixels + yy * imgSize + xx;
            }
        }
        return k;
    }
}
