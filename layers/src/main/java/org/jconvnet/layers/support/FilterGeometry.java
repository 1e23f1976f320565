package org.jconvnet.layers.support;

import org.jconvnet.api.kernel.contract.Filter;

/**
 * The geometry of one input of a conv or local layer (cuda-convnet.md §3.2, §3.3), validated.
 *
 * @param channels   C, input channels
 * @param imgSize    S, input image side
 * @param filters    F, total filters over all groups
 * @param filterSize fs
 * @param padding    zero pixels on each side
 * @param stride     module stride
 * @param groups     G, filter groups
 * @param modulesX   M = 1 + ceil((2p + S - fs)/stride)
 */
public record FilterGeometry(int channels, int imgSize, int filters, int filterSize, int padding, int stride,
                             int groups, int modulesX) {

    /** Cf = C/G, the channels each filter reads. */
    public int filterChannels() {
        return channels / groups;
    }

    /**
     * cuda-convnet's module count per side: {@code 1 + ceil((2p + S - fs)/stride)}, in {@code long}
     * so that a huge {@code padding} cannot wrap around (the caller checks the result's size).
     */
    public static long modules(long imgSize, long filterSize, long padding, long stride) {
        long span = 2 * padding + imgSize - filterSize;
        return 1 + (span + stride - 1) / stride;
    }

    /** The geometry every conv ({@code local == false}) or local kernel call takes. */
    public Filter.Shape shape(boolean local) {
        return new Filter.Shape(local, channels, imgSize, filters, filterSize, padding, stride, modulesX, groups);
    }
}
