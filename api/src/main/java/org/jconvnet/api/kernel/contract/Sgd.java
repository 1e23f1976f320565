package org.jconvnet.api.kernel.contract;

import java.util.List;
import org.jconvnet.api.kernel.KernelCall;
import org.jconvnet.api.kernel.KernelOp;
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
    public KernelOp<Sgd> kernelOp() {
        return KernelOps.SGD;
    }

    /**
     * The sample calls of {@code tensor/sgd} (see {@link KernelSample}).
     *
     * @return the sample calls of {@code tensor/sgd}
     */
    public static List<KernelSample> samples() {
        return new Samples()
                .add(KernelOps.SGD, "7x13", KernelSample.Kind.EDGE, Samples.FEW, Samples.FEW_REASON, t -> KernelSample.Calls.of(
                        new Sgd(t.random("weights", 7, 13), t.random("grad", 7, 13), t.random("inc", 7, 13), 0.01, 0.9,
                                0.0005)))
                .add(KernelOps.SGD, "seed conv1 weights 75x32", KernelSample.Kind.SEED, Samples.FEW, Samples.FEW_REASON,
                        t -> KernelSample.Calls.of(new Sgd(t.random("weights", 75, 32), t.random("grad", 75, 32),
                                t.random("inc", 75, 32), 0.01, 0.9, 0.0)))
                .list();
    }
}
