package org.jconvnet.api.layer;

/**
 * The SGD hyper-parameters of one parameter matrix, from the layer-params file (cuda-convnet.md §5.3):
 * {@code V <- mom*V - (eps/N)*G - eps*wc*W; W <- W + V}.
 *
 * @param eps learning rate ({@code epsW} or {@code epsB})
 * @param mom momentum ({@code momW} or {@code momB})
 * @param wc  L2 weight decay ({@code wc}); always 0 for biases
 */
public record LearningParams(LearningRate eps, double mom, double wc) {

    /** {@return parameters that never change the matrix} */
    public static LearningParams frozen() {
        return new LearningParams(LearningRate.constant(0), 0, 0);
    }
}
