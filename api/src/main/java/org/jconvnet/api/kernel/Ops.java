package org.jconvnet.api.kernel;

/**
 * The op names of the kernel contracts. Layer plugins may define more; these are the three of
 * cuda-convnet (filterActs / imgActs / weightActs) and the generic ones.
 */
public final class Ops {
    /** Forward pass: inputs to outputs. */
    public static final String FORWARD = "forward";
    /** Gradient with respect to the layer's input (cuda-convnet's imgActs). */
    public static final String BACKWARD_INPUT = "backward-input";
    /** Gradient with respect to the layer's weights or biases (cuda-convnet's weightActs). */
    public static final String BACKWARD_WEIGHTS = "backward-weights";
    /** The momentum SGD update of one parameter matrix ({@code tensor/sgd}, cuda-convnet.md §5.3). */
    public static final String SGD = "sgd";
    /**
     * cost.logreg's gradient straight to the input of the softmax it is the only consumer of
     * ({@code cost.logreg/backward-softmax}, cuda-convnet.md §3.10).
     */
    public static final String BACKWARD_SOFTMAX = "backward-softmax";

    private Ops() {
    }
}
