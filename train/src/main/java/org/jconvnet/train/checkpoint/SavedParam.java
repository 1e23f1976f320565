package org.jconvnet.train.checkpoint;

import org.jconvnet.api.tensor.MatrixOrder;

/**
 * One parameter matrix and its momentum buffer as held in a checkpoint, both flat in the
 * parameter's memory order (cuda-convnet.md §2.4 and §2.5).
 *
 * @param layer    layer name, e.g. {@code conv1}
 * @param param    {@code weights}, {@code weights.<i>} or {@code biases}
 * @param rows     numpy rows
 * @param cols     numpy columns
 * @param order    memory order; {@code FORTRAN} is written with {@code fortran_order: True}
 * @param values   the parameter
 * @param momentum the momentum buffer (cuda-convnet's {@code weightsInc}/{@code biasesInc})
 */
public record SavedParam(String layer, String param, int rows, int cols, MatrixOrder order,
                         double[] values, double[] momentum) {

    /** Checks the lengths. */
    public SavedParam {
        long n = (long) rows * cols;
        if (values.length != n || momentum.length != n) {
            throw new IllegalArgumentException(layer + "." + param + ": shape (" + rows + ", " + cols + ") holds " + n
                    + " values, got " + values.length + " values and " + momentum.length + " momentum values");
        }
    }

    /** The parameter's file name, e.g. {@code conv1.weights.npy}. */
    public String fileName() {
        return layer + "." + param + ".npy";
    }

    /** The momentum buffer's file name, e.g. {@code conv1.weights.inc.npy}. */
    public String momentumFileName() {
        return layer + "." + param + ".inc.npy";
    }
}
