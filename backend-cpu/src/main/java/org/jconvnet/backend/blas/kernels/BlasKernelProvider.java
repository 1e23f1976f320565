package org.jconvnet.backend.blas.kernels;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jconvnet.api.ApiVersion;
import org.jconvnet.api.kernel.Kernel;
import org.jconvnet.api.kernel.KernelCall;
import org.jconvnet.api.kernel.KernelFactory;
import org.jconvnet.api.kernel.KernelKey;
import org.jconvnet.api.kernel.KernelOp;
import org.jconvnet.api.kernel.KernelProvider;
import org.jconvnet.api.kernel.contract.KernelOps;
import org.jconvnet.api.kernel.contract.Norm;
import org.jconvnet.api.tensor.DType;
import org.jconvnet.api.tensor.Tensor;
import org.jconvnet.backend.blas.BlasBackend;
import org.jconvnet.backend.blas.BlasBackendProvider;
import org.jconvnet.backend.blas.BlasTensor;
import org.jconvnet.backend.blas.core.Compute;
import org.jconvnet.backend.blas.core.OpenBlas;

/**
 * Registers the {@code cpu-blas} kernels: a body of {@link BlasKernels} for every op of the
 * built-in table ({@link KernelOps}), float32 only (the op says which call record the body
 * receives). Every launch checks that each tensor of the call is a
 * float32 tensor of this backend, then runs the body under the engine's lock.
 */
public final class BlasKernelProvider implements KernelProvider {
    private static final Map<KernelKey, KernelFactory> KERNELS = buildKernels();

    /** Creates the provider (ServiceLoader needs a public no-argument constructor). */
    public BlasKernelProvider() {
    }

    @Override
    public int apiVersion() {
        return ApiVersion.CURRENT;
    }

    @Override
    public String backendId() {
        return BlasBackendProvider.ID;
    }

    @Override
    public Map<KernelKey, KernelFactory> kernels() {
        return KERNELS;
    }

    private static Map<KernelKey, KernelFactory> buildKernels() {
        Map<KernelKey, KernelFactory> m = new LinkedHashMap<>();
        add(m, KernelOps.SGD, BlasKernels::sgd);
        add(m, KernelOps.BIAS_FORWARD, BlasKernels::biasForward);
        add(m, KernelOps.BIAS_BACKWARD_WEIGHTS, BlasKernels::biasBackward);
        add(m, KernelOps.CONV_FORWARD, BlasKernels::filterForward);
        add(m, KernelOps.CONV_BACKWARD_INPUT, BlasKernels::filterBackwardInput);
        add(m, KernelOps.CONV_BACKWARD_WEIGHTS, BlasKernels::filterBackwardWeights);
        add(m, KernelOps.LOCAL_FORWARD, BlasKernels::filterForward);
        add(m, KernelOps.LOCAL_BACKWARD_INPUT, BlasKernels::filterBackwardInput);
        add(m, KernelOps.LOCAL_BACKWARD_WEIGHTS, BlasKernels::filterBackwardWeights);
        add(m, KernelOps.FC_FORWARD, BlasKernels::fcForward);
        add(m, KernelOps.FC_BACKWARD_INPUT, BlasKernels::fcBackwardInput);
        add(m, KernelOps.FC_BACKWARD_WEIGHTS, BlasKernels::fcBackwardWeights);
        add(m, KernelOps.POOL_FORWARD, BlasKernels::poolForward);
        add(m, KernelOps.POOL_BACKWARD_INPUT, BlasKernels::poolBackward);
        for (Norm.Kind kind : Norm.Kind.values()) {
            add(m, kind.forward(), BlasKernels::normForward);
            add(m, kind.backwardInput(), BlasKernels::normBackward);
        }
        add(m, KernelOps.NEURON_FORWARD, BlasKernels::neuronForward);
        add(m, KernelOps.NEURON_BACKWARD_INPUT, BlasKernels::neuronBackward);
        add(m, KernelOps.SOFTMAX_FORWARD, BlasKernels::softmaxForward);
        add(m, KernelOps.SOFTMAX_BACKWARD_INPUT, BlasKernels::softmaxBackward);
        add(m, KernelOps.LOGREG_FORWARD, BlasKernels::logregForward);
        add(m, KernelOps.LOGREG_BACKWARD_INPUT, BlasKernels::logregBackward);
        add(m, KernelOps.LOGREG_BACKWARD_SOFTMAX, BlasKernels::logregBackward);
        add(m, KernelOps.SUM2_FORWARD, BlasKernels::sum2Forward);
        add(m, KernelOps.SUM2_BACKWARD_INPUT, BlasKernels::sum2Backward);
        add(m, KernelOps.ELTSUM_FORWARD, BlasKernels::eltsumForward);
        add(m, KernelOps.ELTSUM_BACKWARD_INPUT, BlasKernels::eltsumBackward);
        add(m, KernelOps.ELTMAX_FORWARD, BlasKernels::eltmaxForward);
        add(m, KernelOps.ELTMAX_BACKWARD_INPUT, BlasKernels::eltmaxBackward);
        return Collections.unmodifiableMap(m);
    }

    /** A kernel body: runs one call of record type {@code C} on an engine. */
    @FunctionalInterface
    interface Body<C extends KernelCall> {
        void run(C call, Compute compute, KernelKey key);
    }

    /** Binds {@code op} (float32) to {@code body}, which receives the op's call records. */
    private static <C extends KernelCall> void add(Map<KernelKey, KernelFactory> m, KernelOp<C> op, Body<C> body) {
        KernelKey key = op.key(DType.FLOAT32);
        m.put(key, backend -> {
            if (!(backend instanceof BlasBackend blas)) {
                throw new IllegalArgumentException("kernel " + key + " of backend '" + BlasBackendProvider.ID
                        + "' created for backend '" + backend.id() + "'");
            }
            Compute compute = blas.compute();
            Kernel kernel = call -> {
                C typed = checked(key, op.cast(key, call));
                synchronized (compute.lock()) {
                    OpenBlas.keepSingleThreaded();
                    body.run(typed, compute, key);
                }
            };
            return kernel;
        });
    }

    /** Fails with one line naming the kernel and the tensor when a tensor is not a float32 tensor of this backend. */
    private static <C extends KernelCall> C checked(KernelKey key, C call) {
        for (Map.Entry<String, Tensor> e : call.tensors().entrySet()) {
            Tensor t = e.getValue();
            if (!(t instanceof BlasTensor) || t.dtype() != DType.FLOAT32) {
                throw new IllegalArgumentException("kernel " + key + " on backend '" + BlasBackendProvider.ID
                        + "': tensor '" + e.getKey() + "' is " + t.describe() + " of backend '" + t.backendId()
                        + "', expected float32 of backend '" + BlasBackendProvider.ID + "'");
            }
        }
        return call;
    }
}
