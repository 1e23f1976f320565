package org.jconvnet.train.data;

/**
 * {@code --data-provider=cifar} (cuda-convnet.md §6.2): whole 32x32 images, {@code float32(data - mean)}
 * with no scaling, labels as reals. Every mode serves the same single view.
 */
public final class CifarProvider implements DataProvider {
    private final double[] mean;

    /** @param mean the per-pixel mean (3072 values) */
    public CifarProvider(double[] mean) {
        if (mean.length != CifarBatch.PIXELS) {
            throw new IllegalArgumentException("data mean has " + mean.length + " values, expected 3072");
        }
        this.mean = mean.clone();
    }

    @Override
    public String name() {
        return "cifar";
    }

    @Override
    public int imageSize() {
        return CifarBatch.SIZE;
    }

    @Override
    public double[] servedMean() {
        return mean.clone();
    }

    @Override
    public ServedBatch serve(CifarBatch batch, ServeMode mode, long seed) {
        return new ServedBatch(batch, 1, CifarBatch.PIXELS) {
            @Override
            protected void fillColumn(int view, int image, double[] out, int j, int n) {
                byte[] px = batch.pixels();
                int base = image * CifarBatch.PIXELS;
                for (int d = 0; d < CifarBatch.PIXELS; d++) {
                    out[d * n + j] = (float) ((px[base + d] & 0xff) - mean[d]);
                }
            }
        };
    }
}
