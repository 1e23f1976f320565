package org.jconvnet.train.data;

import org.jconvnet.api.layer.DataDims;

/** A cuda-convnet data provider: turns stored batches into the matrices the data layers read. */
public interface DataProvider {

    /** The {@code --data-provider} name. */
    String name();

    /** Side of the square images served (32, or 32 - 2*border when cropped). */
    int imageSize();

    /** Rows per case of each data index (0 images, 1 labels). */
    default DataDims dims() {
        return DataDims.cifar(imageSize());
    }

    /**
     * Serves a batch.
     *
     * @param seed seeds the random crops of a training batch; the same seed gives the same crops
     */
    ServedBatch serve(CifarBatch batch, ServeMode mode, long seed);

    /**
     * The mean that was subtracted from column data, laid out like one served column
     * ({@code imageSize^2*3} values); {@code show} adds it back to display images.
     */
    double[] servedMean();
}
