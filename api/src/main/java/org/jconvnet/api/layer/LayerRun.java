package org.jconvnet.api.layer;

import java.util.Optional;
import java.util.random.RandomGenerator;
import org.jconvnet.api.kernel.Kernel;
import org.jconvnet.api.kernel.KernelCall;
import org.jconvnet.api.tensor.DType;
import org.jconvnet.api.tensor.Tensor;

/**
 * The tensors and kernels of one layer for one minibatch, handed in by the net. Activations and
 * their gradients are {@code rows x numCases()} in cuda-convnet's layout.
 */
public interface LayerRun {

    /** {@return cases in this minibatch (N)} */
    int numCases();

    /** {@return training or test} */
    PassMode pass();

    /** {@return element type of every tensor in this run} */
    DType dtype();

    /**
     * The output of input {@code i}.
     *
     * @param i the input's index, in {@code inputs=} order
     * @return the output of input {@code i}
     */
    Tensor input(int i);

    /** {@return this layer's output} */
    Tensor output();

    /** {@return gradient of the cost with respect to this layer's output (backward only)} */
    Tensor outputGrad();

    /**
     * Where to write the gradient with respect to input {@code i}, or empty when nothing below
     * needs it (data layers, frozen sub-nets).
     *
     * @param i the input's index, in {@code inputs=} order
     * @return the gradient tensor, or empty
     */
    Optional<Tensor> inputGrad(int i);

    /**
     * Whether the gradient for input {@code i} must be added to what is already there (another
     * consumer of that input wrote first) rather than overwrite it.
     *
     * @param i the input's index, in {@code inputs=} order
     * @return whether to add to the gradient rather than overwrite it
     */
    boolean accumulate(int i);

    /** {@return whether the net granted {@link Layer#absorbsBackwardOf()} for this run} */
    boolean absorbing();

    /**
     * The parameter named {@code name} (see {@link ParamSpec#name()}).
     *
     * @param name the parameter's name
     * @return the parameter named {@code name}
     */
    Tensor param(String name);

    /**
     * Where to write the gradient of parameter {@code name}, or empty when it is frozen or not training.
     *
     * @param name the parameter's name
     * @return the gradient tensor, or empty
     */
    Optional<Tensor> paramGrad(String name);

    /**
     * The scratch buffer named {@code name} (see {@link Layer#scratch()}).
     *
     * @param name the buffer's name
     * @return the scratch buffer named {@code name}
     */
    Tensor scratch(String name);

    /** {@return random numbers for stochastic layers, seeded by the net for reproducible runs} */
    RandomGenerator random();

    /**
     * The kernel for ({@code layerType}, {@code op}, {@link #dtype()}) on the running backend.
     *
     * @param layerType the contract family, e.g. {@code conv}
     * @param op the operation, e.g. {@code fprop}
     * @return the kernel
     */
    Kernel kernel(String layerType, String op);

    /**
     * Launches {@code call} on the kernel of its layer type and op for {@link #dtype()}.
     *
     * @param call the call's tensors and scalars
     */
    default void launch(KernelCall call) {
        kernel(call.layerType(), call.op()).launch(call);
    }
}
