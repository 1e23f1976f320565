package org.jconvnet.api.tensor;

/**
 * The geometry of an image-like activation: {@code channels} square maps of {@code size x size}.
 * Its rows in an activation matrix are ordered channel-major, then row y, then column x, and the
 * case index is the fastest-varying index (cuda-convnet.md §2.2).
 *
 * @param channels number of maps (colour channels or filters)
 * @param size     side of each square map
 */
public record ImageShape(int channels, int size) {

    /**
     * Validates that both dimensions are positive.
     *
     * @param channels number of maps (colour channels or filters)
     * @param size side of each square map
     */
    public ImageShape {
        if (channels <= 0 || size <= 0) {
            throw new IllegalArgumentException("image shape must be positive, got " + channels + "x" + size);
        }
    }

    /** {@return number of rows this image occupies in an activation matrix: {@code channels*size*size}} */
    public int rows() {
        return channels * size * size;
    }

    /**
     * Row index of element (c, y, x): {@code (c*size + y)*size + x}.
     *
     * @param c channel
     * @param y row within the map
     * @param x column within the map
     * @return the row index
     */
    public int row(int c, int y, int x) {
        return (c * size + y) * size + x;
    }

    /**
     * Flat offset of element (n, c, y, x) in a {@code rows x numCases} activation matrix.
     *
     * @param n case
     * @param c channel
     * @param y row within the map
     * @param x column within the map
     * @param numCases cases in the matrix (its columns)
     * @return the flat offset
     */
    public long offset(int n, int c, int y, int x, int numCases) {
        return (long) row(c, y, x) * numCases + n;
    }

    /**
     * cuda-convnet's wording, e.g. {@code 32x32 64-channel}.
     *
     * @return cuda-convnet's wording, e.g. {@code 32x32 64-channel}
     */
    public String describe() {
        return size + "x" + size + " " + channels + "-channel";
    }
}
