package org.jconvnet.api.kernel.contract;

import java.util.Map;
import org.jconvnet.api.kernel.KernelCall;
import org.jconvnet.api.kernel.Ops;
import org.jconvnet.api.tensor.Tensor;

/**
 * {@code tensor/sgd}, the momentum SGD step of one parameter matrix (cuda-convnet.md §5.3), elementwise:
 * {@code inc = mom*inc - gradScale*grad - decay*weights; weights += inc}. The three tensors have
 * the same size; float32 kernels narrow the reals to float once.
 *
 * @param weights   the parameter, updated in place
 * @param grad      its gradient summed over the minibatch
 * @param inc       the momentum buffer, updated in place
 * @param gradScale {@code epsW / numCases}
 * @param mom       momentum
 * @param decay     {@code epsW * wc}
 */
public record Sgd(Tensor weights, Tensor grad, Tensor inc, double gradScale, double mom, double decay)
        implements KernelCall {
    /** The kernel key's layer type of the generic tensor ops. */
    public static final String TYPE = "tensor";

    @Override
    public String layerType() {
        return TYPE;
    }

    @Override
    public String op() {
        return Ops.SGD;
    }

    @Override
    public Map<String, Tensor> tensors() {
        return KernelCall.named("weights", weights, "grad", grad, "inc", inc);
    }
}
