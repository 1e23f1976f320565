package org.jconvnet.backend.cpu.kernels;

import org.jconvnet.api.kernel.contract.Filter;
import org.jconvnet.api.tensor.Tensor;

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

    /**
     * The geometry of a call, its tensors checked against it: {@code images} is the input or input
     * gradient, {@code modules} the output or output gradient, {@code weights} the weights or their
     * gradient.
     */
    static ConvGeometry of(Filter.Shape s, int numCases, KernelContext c, String imagesName, Tensor images,
                           String modulesName, Tensor modules, String weightsName, Tensor weights) {
        ConvGeometry g = new ConvGeometry(numCases, s.channels(), s.imgSize(), s.filters(), s.filterSize(),
                s.padding(), s.stride(), s.modulesX(), s.groups(), s.local());
        c.requireSize(imagesName, images, s.inputRows(), numCases);
        c.requireSize(modulesName, modules, s.outputRows(), numCases);
        c.requireSize(weightsName, weights, s.weightRows(), s.filters());
        return g;
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
