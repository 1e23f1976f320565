package org.jconvnet.api.layer;

/**
 * The dimensions a data provider produces for each {@code dataIdx} (cuda-convnet.md §3.1): for
 * CIFAR-10, 0 is the images (3072, or 1728 when cropped to 24x24) and 1 the labels (1).
 */
@FunctionalInterface
public interface DataDims {

    /**
     * Rows per case of data matrix {@code dataIdx}.
     *
     * @param dataIdx the index of the data matrix ({@code dataIdx=} of a data layer)
     * @return rows per case of that matrix
     * @throws IllegalArgumentException when the provider has no such matrix
     */
    int dims(int dataIdx);

    /**
     * The CIFAR-10 provider's dims for square images of {@code imageSize} (32, or 24 when cropped).
     *
     * @param imageSize the side of the square images
     * @return the dims of the images matrix (index 0) and the labels matrix (index 1)
     */
    static DataDims cifar(int imageSize) {
        return idx -> {
            switch (idx) {
                case 0: return 3 * imageSize * imageSize;
                case 1: return 1;
                default: throw new IllegalArgumentException("the CIFAR provider has data indices 0 (images) and 1 (labels), not " + idx);
            }
        };
    }
}
