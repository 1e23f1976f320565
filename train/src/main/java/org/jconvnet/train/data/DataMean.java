package org.jconvnet.train.data;

/**
 * The per-pixel data mean cuda-convnet subtracts (its {@code batches.meta['data_mean']}).
 *
 * <p>Decision (cuda-convnet.md §6.1; cuda-convnet never said which images its mean covered): the mean is the per-pixel, per-channel mean over
 * all images of the <em>training range</em> ({@code --train-range}), computed in float64 from the
 * raw bytes. For {@code --train-range=1-5} this is the mean over the 50000 official training
 * images, the official training set; for {@code 1-4} it excludes the validation batch 5, so no
 * statistic of held-out data leaks into training. The mean is saved in every checkpoint
 * ({@code data-mean.npy}) and a resumed run, {@code test}, {@code features} and {@code show}
 * reuse the saved one, so a model is always evaluated with the mean it was trained with.
 */
public final class DataMean {
    private DataMean() {
    }

    /** The mean over every image of the given batches, as 3072 values in CIFAR pixel order. */
    public static double[] compute(BatchSource source, Iterable<Integer> batches) {
        long[] sums = new long[CifarBatch.PIXELS];
        long count = 0;
        for (int number : batches) {
            CifarBatch b = source.batch(number);
            byte[] px = b.pixels();
            for (int i = 0; i < b.numCases(); i++) {
                int base = i * CifarBatch.PIXELS;
                for (int d = 0; d < CifarBatch.PIXELS; d++) {
                    sums[d] += px[base + d] & 0xff;
                }
            }
            count += b.numCases();
        }
        double[] mean = new double[CifarBatch.PIXELS];
        if (count > 0) {
            for (int d = 0; d < mean.length; d++) {
                mean[d] = sums[d] / (double) count;
            }
        }
        return mean;
    }
}
