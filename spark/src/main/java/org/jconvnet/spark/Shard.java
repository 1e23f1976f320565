package org.jconvnet.spark;

import java.io.Serializable;
import java.util.HashMap;
import java.util.Map;

/**
 * One worker's cases of one minibatch: columns {@code [from, from+n)} of the minibatch's data
 * matrices (case index fastest, as {@code Net.forward} takes them), cut on the driver.
 *
 * @param where  the minibatch and the cases, for a divergence message
 * @param images {@code rows x n} image values (float32-exact: the provider rounds them)
 * @param labels the n labels
 * @param n      cases in this shard (0: this worker has none of this minibatch)
 */
record Shard(String where, float[] images, float[] labels, int n) implements Serializable {

    /** Columns {@code [from, from+n)} of a minibatch of {@code total} cases. */
    static Shard cut(Map<Integer, double[]> data, int total, int from, int n, String where) {
        double[] img = data.get(0);
        double[] lab = data.get(1);
        int rows = img.length / total;
        float[] images = new float[rows * n];
        float[] labels = new float[n];
        for (int d = 0; d < rows; d++) {
            for (int j = 0; j < n; j++) {
                images[d * n + j] = (float) img[d * total + from + j];
            }
        }
        for (int j = 0; j < n; j++) {
            labels[j] = (float) lab[from + j];
        }
        return new Shard(where, images, labels, n);
    }

    /** The data matrices as {@code Net.forward} takes them. */
    Map<Integer, double[]> data() {
        double[] img = new double[images.length];
        for (int k = 0; k < img.length; k++) {
            img[k] = images[k];
        }
        double[] lab = new double[labels.length];
        for (int k = 0; k < lab.length; k++) {
            lab[k] = labels[k];
        }
        Map<Integer, double[]> m = new HashMap<>();
        m.put(0, img);
        m.put(1, lab);
        return m;
    }
}
