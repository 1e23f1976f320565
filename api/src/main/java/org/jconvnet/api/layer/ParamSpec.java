package org.jconvnet.api.layer;

import org.jconvnet.api.tensor.MatrixOrder;

/**
 * One parameter matrix a layer owns, in cuda-convnet's checkpoint shape and memory order
 * (cuda-convnet.md §2.4 and §2.5).
 *
 * @param name       {@code weights} (single input), {@code weights.<i>} (input i of several), or {@code biases}
 * @param role       weights or biases
 * @param inputIndex for weights, the input they apply to; -1 for biases
 * @param rows       numpy rows, e.g. 75 for conv1's weights
 * @param cols       numpy columns, e.g. 64
 * @param order      memory order (fc weights are Fortran-ordered)
 * @param initStd    standard deviation of the Gaussian initialisation ({@code initW}); 0 for constants
 * @param initValue  constant added to the initial value ({@code initB} for biases)
 * @param learning   SGD hyper-parameters from the layer-params file
 */
public record ParamSpec(String name, ParamRole role, int inputIndex, int rows, int cols, MatrixOrder order,
                        double initStd, double initValue, LearningParams learning) {

    /** {@return number of elements} */
    public long size() {
        return (long) rows * cols;
    }

    /**
     * The conventional name of the weights of input {@code i} of a layer with {@code inputs} inputs.
     *
     * @param i the input's index
     * @param inputs the layer's number of inputs
     * @return {@code weights} for a one-input layer, else {@code weights<i>}
     */
    public static String weightsName(int i, int inputs) {
        return inputs == 1 ? "weights" : "weights." + i;
    }

    /** The bias vector's name. */
    public static final String BIASES = "biases";
}
