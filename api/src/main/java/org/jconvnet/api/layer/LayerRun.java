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

    /** Cases in this minibatch (N). */
    int numCases();

    /** Training or test. */
    PassMode pass();

    /** Element type of every tensor in this run. */
    DType dtype();

    /** The output of input {@code i}. */
    Tensor input(int i);

    /** This layer's output. */
    Tensor output();

    /** Gradient of the cost with respect to this layer's output (backward only). */
    Tensor outputGrad();

    /**
     * Where to write the gradient with respect to input {@code i}, or empty when nothing below
     * needs it (data layers, frozen sub-nets).
     */
    Optional<Tensor> inputGrad(int i);

    /**
     * Whether the gradient for input {@code i} must be added to what is already there (another
     * consumer of that input wrote first) rather than overwrite it.
     */
    boolean accumulate(int i);

    /** Whether the net granted {@link Layer#absorbsBackwardOf()} for this run. */
    boolean absorbing();

    /** The parameter named {@code name} (see {@link ParamSpec#name()}). */
    Tensor param(String name);

    /** Where to write the gradient of parameter {@code name}, or empty when it is frozen or not training. */
    Optional<Tensor> paramGrad(String name);

    /** The scratch buffer named {@code name} (see {@link Layer#scratch()}). */
    Tensor scratch(String name);

    /** Random numbers for stochastic layers, seeded by the net for reproducible runs. */
    RandomGenerator random();

    /** The kernel for ({@code layerType}, {@code op}, {@link #dtype()}) on the running backend. */
    Kernel kernel(String layerType, String op);

    /** Launches {@code call} on the kernel of its layer type and op for {@link #dtype()}. */
    default void launch(KernelCall call) {
        kernel(call.layerType(), call.op()).launch(call);
    }
}
