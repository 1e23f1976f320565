package org.jconvnet.backend.blas.kernels;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jconvnet.api.ApiVersion;
import org.jconvnet.api.kernel.Kernel;
import org.jconvnet.api.kernel.KernelCall;
import org.jconvnet.api.kernel.KernelFactory;
import org.jconvnet.api.kernel.KernelKey;
import org.jconvnet.api.kernel.KernelProvider;
import org.jconvnet.api.kernel.Ops;
import org.jconvnet.api.kernel.contract.Bias;
import org.jconvnet.api.kernel.contract.Eltmax;
import org.jconvnet.api.kernel.contract.Eltsum;
import org.jconvnet.api.kernel.contract.Fc;
import org.jconvnet.api.kernel.contract.Filter;
import org.jconvnet.api.kernel.contract.Logreg;
import org.jconvnet.api.kernel.contract.Neuron;
import org.jconvnet.api.kernel.contract.Norm;
import org.jconvnet.api.kernel.contract.Pool;
import org.jconvnet.api.kernel.contract.Sgd;
import org.jconvnet.api.kernel.contract.Softmax;
import org.jconvnet.api.kernel.contract.Sum2;
import org.jconvnet.api.tensor.DType;
import org.jconvnet.api.tensor.Tensor;
import org.jconvnet.backend.blas.BlasBackend;
import org.jconvnet.backend.blas.BlasBackendProvider;
import org.jconvnet.backend.blas.BlasTensor;
import org.jconvnet.backend.blas.core.Compute;
import org.jconvnet.backend.blas.core.OpenBlas;

/**
 * Registers the {@code cpu-blas} kernels: every key of the built-in contracts
 * ({@link org.jconvnet.api.kernel.contract}), float32 only, each bound once to its call record type
 * and to a body of {@link BlasKernels}. Every launch checks that each tensor of the call is a
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
        add(m, Sgd.TYPE, Ops.SGD, Sgd.class, BlasKernels::sgd);
        add(m, Bias.TYPE, Ops.FORWARD, Bias.Forward.class, BlasKernels::biasForward);
        add(m, Bias.TYPE, Ops.BACKWARD_WEIGHTS, Bias.BackwardWeights.class, BlasKernels::biasBackward);
        for (String type : new String[] {Filter.CONV, Filter.LOCAL}) {
            add(m, type, Ops.FORWARD, Filter.Forward.class, BlasKernels::filterForward);
            add(m, type, Ops.BACKWARD_INPUT, Filter.BackwardInput.class, BlasKernels::filterBackwardInput);
            add(m, type, Ops.BACKWARD_WEIGHTS, Filter.BackwardWeights.class, BlasKernels::filterBackwardWeights);
        }
        add(m, Fc.TYPE, Ops.FORWARD, Fc.Forward.class, BlasKernels::fcForward);
        add(m, Fc.TYPE, Ops.BACKWARD_INPUT, Fc.BackwardInput.class, BlasKernels::fcBackwardInput);
        add(m, Fc.TYPE, Ops.BACKWARD_WEIGHTS, Fc.BackwardWeights.class, BlasKernels::fcBackwardWeights);
        add(m, Pool.TYPE, Ops.FORWARD, Pool.Forward.class, BlasKernels::poolForward);
        add(m, Pool.TYPE, Ops.BACKWARD_INPUT, Pool.BackwardInput.class, BlasKernels::poolBackward);
        for (Norm.Kind kind : Norm.Kind.values()) {
            add(m, kind.layerType(), Ops.FORWARD, Norm.Forward.class, BlasKernels::normForward);
            add(m, kind.layerType(), Ops.BACKWARD_INPUT, Norm.BackwardInput.class, BlasKernels::normBackward);
        }
        add(m, Neuron.TYPE, Ops.FORWARD, Neuron.Forward.class, BlasKernels::neuronForward);
        add(m, Neuron.TYPE, Ops.BACKWARD_INPUT, Neuron.BackwardInput.class, BlasKernels::neuronBackward);
        add(m, Softmax.TYPE, Ops.FORWARD, Softmax.Forward.class, BlasKernels::softmaxForward);
        add(m, Softmax.TYPE, Ops.BACKWARD_INPUT, Softmax.BackwardInput.class, BlasKernels::softmaxBackward);
        add(m, Logreg.TYPE, Ops.FORWARD, Logreg.Forward.class, BlasKernels::logregForward);
        add(m, Logreg.TYPE, Ops.BACKWARD_INPUT, Logreg.Backward.class, BlasKernels::logregBackward);
        add(m, Logreg.TYPE, Ops.BACKWARD_SOFTMAX, Logreg.Backward.class, BlasKernels::logregBackward);
        add(m, Sum2.TYPE, Ops.FORWARD, Sum2.Forward.class, BlasKernels::sum2Forward);
        add(m, Sum2.TYPE, Ops.BACKWARD_INPUT, Sum2.BackwardInput.class, BlasKernels::sum2Backward);
        add(m, Eltsum.TYPE, Ops.FORWARD, Eltsum.Forward.class, BlasKernels::eltsumForward);
        add(m, Eltsum.TYPE, Ops.BACKWARD_INPUT, Eltsum.BackwardInput.class, BlasKernels::eltsumBackward);
        add(m, Eltmax.TYPE, Ops.FORWARD, Eltmax.Forward.class, BlasKernels::eltmaxForward);
        add(m, Eltmax.TYPE, Ops.BACKWARD_INPUT, Eltmax.BackwardInput.class, BlasKernels::eltmaxBackward);
        return Collections.unmodifiableMap(m);
    }

    /** A kernel body: runs one call of record type {@code C} on an engine. */
    @FunctionalInterface
    interface Body<C extends KernelCall> {
        void run(C call, Compute compute, KernelKey key);
    }

    /** Binds {@code type/op} (float32) to {@code body}, which receives calls of record type {@code callType}. */
    private static <C extends KernelCall> void add(Map<KernelKey, KernelFactory> m, String type, String op,
                                                   Class<C> callType, Body<C> body) {
        KernelKey key = KernelKey.of(type, op, DType.FLOAT32);
        m.put(key, backend -> {
            if (!(backend instanceof BlasBackend blas)) {
                throw new IllegalArgumentException("kernel " + key + " of backend '" + BlasBackendProvider.ID
                        + "' created for backend '" + backend.id() + "'");
            }
            Compute compute = blas.compute();
            Kernel kernel = call -> {
                C typed = checked(key, KernelCall.as(callType, key, call));
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
