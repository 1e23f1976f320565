package org.jconvnet.backend.cpu.kernels;

/**
 * The integers of a conv or local launch and the index formulas of cuda-convnet.md §2.4.
 *
 * @param numCases   N
 * @param channels   C, all input channels
 * @param imgSize    S
 * @param filters    F, over all groups
 * @param filterSize fs
 * @param padding    zero pixels on each side
 * @param stride     module stride
 * @param modulesX   M
 * @param groups     G
 * @param local      unshared weights (one filter bank per module)
 */
record ConvGeometry(int numCases, int channels, int imgSize, int filters, int filterSize, int padding,
                    int stride, int modulesX, int groups, boolean local) {

    static ConvGeometry of(KernelContext c, boolean local) {
        return new ConvGeometry(c.numCases(), c.integer("channels"), c.integer("imgSize"), c.integer("filters"),
                c.integer("filterSize"), c.integer("padding"), c.integer("stride"), c.integer("modulesX"),
                c.integer("groups"), local).requireSizes(c);
    }

    /** Checks that the named tensors of {@code c} that are present have this geometry's sizes. */
    ConvGeometry requireSizes(KernelContext c) {
        long n = numCases;
        long inRows = (long) channels * imgSize * imgSize;
        long outRows = (long) filters * modules();
        long wRows = (long) (local ? modules() : 1) * taps();
        c.requireSizes(inRows, n, "input", "inputGrad");
        c.requireSizes(outRows, n, "output", "outputGrad");
        c.requireSizes(wRows, filters, "weights", "weightsGrad");
        return this;
    }

    /** Cf, channels per group. */
    int filterChannels() {
        return channels / groups;
    }

    /** Filters per group. */
    int groupFilters() {
        return filters / groups;
    }

    /** M*M. */
    int modules() {
        return modulesX * modulesX;
    }

    /** Cf*fs*fs, the rows of one filter bank. */
    int taps() {
        return filterChannels() * filterSize * filterSize;
    }

    /** Group of filter {@code f}. */
    int groupOf(int f) {
        return f / groupFilters();
    }

    /** First input row y (or column x) read by module row (or column) {@code mod}. */
    int origin(int mod) {
        return mod * stride - padding;
    }

    /** Whether pixel coordinate {@code v} is inside the image (else it is padding). */
    boolean inside(int v) {
        return v >= 0 && v < imgSize;
    }

    /** Flat offset of W[m, c, fy, fx, f]; {@code module} is ignored for conv. */
    int weightIndex(int module, int c, int fy, int fx, int f) {
        int row = (c * filterSize + fy) * filterSize + fx;
        if (local) {
            row += module * taps();
        }
        return row * filters + f;
    }

    /** Activation row of input pixel (ch, y, x). */
    int inputRow(int ch, int y, int x) {
        return (ch * imgSize + y) * imgSize + x;
    }

    /** Activation row of output (f, m), m = my*M + mx. */
    int outputRow(int f, int module) {
        return f * modules() + module;
    }

    /** At most how many modules along one axis read one pixel: ceil(fs / stride), capped by M. */
    int modulesPerPixel() {
        return Math.min(modulesX, (filterSize + stride - 1) / stride);
    }
}
