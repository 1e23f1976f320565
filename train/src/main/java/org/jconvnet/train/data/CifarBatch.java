package org.jconvnet.train.data;

/**
 * One CIFAR-10 batch in memory, as stored on disk: image {@code i} occupies
 * {@code pixels[i*3072 .. i*3072+3071]} (1024 R, 1024 G, 1024 B bytes, each plane 32x32
 * row-major), and its class is {@code labels[i]}. Kept as bytes (unsigned) so that the five
 * training batches cost 150 MB, not 1.2 GB of doubles; providers convert per minibatch.
 *
 * @param number cuda-convnet batch number (1-5 training, 6 test)
 * @param source file name or description, for messages
 * @param pixels {@code numCases*3072} unsigned bytes
 * @param labels {@code numCases} class indices
 */
public record CifarBatch(int number, String source, byte[] pixels, byte[] labels) {

    /** Bytes of one image: 3 channels of 32x32. */
    public static final int PIXELS = 3 * 32 * 32;
    /** Bytes of one record in the binary files: 1 label byte then the pixels. */
    public static final int RECORD = 1 + PIXELS;
    /** Side of a CIFAR image. */
    public static final int SIZE = 32;

    /** Checks that the arrays agree. */
    public CifarBatch {
        if (pixels.length != labels.length * PIXELS) {
            throw new IllegalArgumentException(source + ": " + labels.length + " labels but "
                    + pixels.length + " pixel bytes (expected " + (long) labels.length * PIXELS + ")");
        }
    }

    /** Number of images. */
    public int numCases() {
        return labels.length;
    }

    /** Class of image {@code i}. */
    public int label(int i) {
        return labels[i] & 0xff;
    }

    /** Pixel value 0..255 of image {@code i} at channel {@code c}, row {@code y}, column {@code x}. */
    public int pixel(int i, int c, int y, int x) {
        return pixels[i * PIXELS + (c * SIZE + y) * SIZE + x] & 0xff;
    }
}
