package org.jconvnet.api.layer;

import java.util.List;
import java.util.Optional;
import org.jconvnet.api.tensor.ImageShape;

/**
 * A configured layer: shapes and parameters fixed, ready to run on any backend. Instances are
 * created by {@link LayerPlugin#configure} and are immutable; per-minibatch state lives in the
 * tensors a {@link LayerRun} hands in.
 */
public interface Layer {

    /**
     * The section name, e.g. {@code conv1}.
     *
     * @return the section name, e.g. {@code conv1}
     */
    String name();

    /**
     * The cuda-convnet {@code type=}, e.g. {@code conv}.
     *
     * @return the cuda-convnet {@code type=}, e.g. {@code conv}
     */
    String type();

    /** {@return output rows per case (cuda-convnet's {@code outputs})} */
    int outputs();

    /**
     * The output's image geometry, for image-like layers.
     *
     * @return the output's image geometry, or empty for layers whose output is not an image
     */
    default Optional<ImageShape> outputImage() {
        return Optional.empty();
    }

    /**
     * cuda-convnet's start-up line, e.g.
     * {@code Initialized convolutional layer 'conv1', producing 32x32 64-channel output}.
     *
     * @return cuda-convnet's start-up line
     */
    String initMessage();

    /** {@return the parameter matrices this layer owns: weights per input, then biases} */
    default List<ParamSpec> params() {
        return List.of();
    }

    /** {@return buffers kept from forward to backward} */
    default List<ScratchSpec> scratch() {
        return List.of();
    }

    /**
     * For {@code type=data}: the data provider matrix this layer supplies; the net uploads it.
     *
     * @return the data matrix index for a data layer, else empty
     */
    default Optional<Integer> dataIndex() {
        return Optional.empty();
    }

    /**
     * For cost layers: the names of the per-case values its output rows hold (for
     * {@code cost.logreg}: negative log-probability and error). Empty for other layers.
     * The net sums each row over cases; the first value, times {@link #costCoefficient()}, is the
     * objective gradients are taken of.
     *
     * @return the names of the per-case cost values, or an empty list
     */
    default List<String> costNames() {
        return List.of();
    }

    /** {@return a cost layer's {@code coeff}} */
    default double costCoefficient() {
        return 0;
    }

    /** {@return whether this is a cost layer} */
    default boolean isCost() {
        return !costNames().isEmpty();
    }

    /**
     * The index of an input whose backward pass this layer performs itself when it is that
     * input's only consumer, or -1. cuda-convnet's {@code cost.logreg} does this for the softmax
     * below it, emitting {@code coeff*(p - onehot)} straight into the softmax's input gradient
     * (cuda-convnet.md §3.10). When the net grants it, {@link LayerRun#absorbing()} is true and
     * {@link LayerRun#inputGrad(int)} for that index is the gradient of the absorbed layer's input.
     *
     * @return the index of the absorbed input, or -1
     */
    default int absorbsBackwardOf() {
        return -1;
    }

    /**
     * Computes the output from the inputs and parameters.
     *
     * @param run the minibatch's tensors, parameters and kernels
     */
    void forward(LayerRun run);

    /**
     * Computes the gradients this run asks for: to each input whose {@link LayerRun#inputGrad} is
     * present, and to each parameter whose {@link LayerRun#paramGrad} is present. Gradients are
     * of the cost (descent sign, cuda-convnet.md §1.2) and summed over the cases of the minibatch.
     *
     * @param run the minibatch's tensors, gradients, parameters and kernels
     */
    void backward(LayerRun run);
}
