package org.jconvnet.train.data;

import java.util.HashMap;
import java.util.Map;

/**
 * A batch as a provider serves it: conceptually the cuda-convnet data matrix (D x numCases, one
 * case per column) and its 1 x numCases label row. For a multiview batch the columns are
 * view-major: columns {@code [v*N, (v+1)*N)} hold view v of the N images, and the labels are tiled.
 * Columns are built on demand per minibatch, so the whole float matrix never has to exist.
 */
public abstract class ServedBatch {
    private final CifarBatch batch;
    private final int views;
    private final int rows;

    /**
     * @param batch the stored images
     * @param views number of views per image (1, or 10 for multiview)
     * @param rows  data rows per case (3072 or 1728)
     */
    protected ServedBatch(CifarBatch batch, int views, int rows) {
        this.batch = batch;
        this.views = views;
        this.rows = rows;
    }

    /** The stored batch. */
    public CifarBatch batch() {
        return batch;
    }

    /** The cuda-convnet batch number. */
    public int batchNumber() {
        return batch.number();
    }

    /** Number of images (N). */
    public int numImages() {
        return batch.numCases();
    }

    /** Number of views per image. */
    public int numViews() {
        return views;
    }

    /** Number of columns: images times views. */
    public int numCases() {
        return views * batch.numCases();
    }

    /** Data rows per case. */
    public int rows() {
        return rows;
    }

    /** The label of column {@code column}. */
    public int label(int column) {
        return batch.label(column % batch.numCases());
    }

    /**
     * The minibatch of columns {@code [start, start+n)} as contiguous matrices with the case index
     * fastest (cuda-convnet.md §2.2): data index 0 is the {@code rows x n} images, 1 the {@code 1 x n}
     * labels as reals.
     */
    public Map<Integer, double[]> slice(int start, int n) {
        if (start < 0 || n < 1 || start + n > numCases()) {
            throw new IndexOutOfBoundsException("columns [" + start + ", " + (start + n) + ") of a batch with "
                    + numCases());
        }
        double[] images = new double[rows * n];
        double[] labels = new double[n];
        for (int j = 0; j < n; j++) {
            int col = start + j;
            fillColumn(col / batch.numCases(), col % batch.numCases(), images, j, n);
            labels[j] = label(col);
        }
        Map<Integer, double[]> out = new HashMap<>();
        out.put(0, images);
        out.put(1, labels);
        return out;
    }

    /**
     * Writes the {@code rows} values of view {@code view} of image {@code image} into
     * {@code out[d*n + j]}, already mean-subtracted and rounded to float32.
     */
    protected abstract void fillColumn(int view, int image, double[] out, int j, int n);
}
