package org.jconvnet.backend.cpu.kernels;

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
import org.jconvnet.backend.cpu.CpuBackendProvider;
import org.jconvnet.backend.cpu.CpuTensor;

/**
 * Registers every CPU reference kernel of the contracts of {@link org.jconvnet.api.kernel.contract}, each
 * for float32 and float64 (the same code; the dtype only picks the precision), binding each key to
 * its call record type once.
 */
public final class CpuKernelProvider implements KernelProvider {

    private static final Map<KernelKey, KernelFactory> KERNELS = buildKernels();

    /** Creates the provider (ServiceLoader needs a public no-argument constructor). */
    public CpuKernelProvider() {
    }

    @Override
    public int apiVersion() {
        return ApiVersion.CURRENT;
    }

    @Override
    public String backendId() {
        return CpuBackendProvider.ID;
    }

    @Override
    public Map<KernelKey, KernelFactory> kernels() {
        return KERNELS;
    }

    private static Map<KernelKey, KernelFactory> buildKernels() {
        Map<KernelKey, KernelFactory> m = new LinkedHashMap<>();
        add(m, Sgd.TYPE, Ops.SGD, Sgd.class, ElementwiseKernels::sgd);
        add(m, Bias.TYPE, Ops.FORWARD, Bias.Forward.class, ElementwiseKernels::biasForward);
        add(m, Bias.TYPE, Ops.BACKWARD_WEIGHTS, Bias.BackwardWeights.class, ElementwiseKernels::biasBackward);
        for (String type : new String[] {Filter.CONV, Filter.LOCAL}) {
            add(m, type, Ops.FORWARD, Filter.Forward.class, ConvKernels::forward);
            add(m, type, Ops.BACKWARD_INPUT, Filter.BackwardInput.class, ConvKernels::backwardInput);
            add(m, type, Ops.BACKWARD_WEIGHTS, Filter.BackwardWeights.class, ConvKernels::backwardWeights);
        }
        add(m, Fc.TYPE, Ops.FORWARD, Fc.Forward.class, FcKernels::forward);
        add(m, Fc.TYPE, Ops.BACKWARD_INPUT, Fc.BackwardInput.class, FcKernels::backwardInput);
        add(m, Fc.TYPE, Ops.BACKWARD_WEIGHTS, Fc.BackwardWeights.class, FcKernels::backwardWeights);
        add(m, Pool.TYPE, Ops.FORWARD, Pool.Forward.class, PoolKernels::forward);
        add(m, Pool.TYPE, Ops.BACKWARD_INPUT, Pool.BackwardInput.class, PoolKernels::backwardInput);
        for (Norm.Kind kind : Norm.Kind.values()) {
            add(m, kind.layerType(), Ops.FORWARD, Norm.Forward.class, NormKernels::forward);
            add(m, kind.layerType(), Ops.BACKWARD_INPUT, Norm.BackwardInput.class, NormKernels::backwardInput);
        }
        add(m, Neuron.TYPE, Ops.FORWARD, Neuron.Forward.class, NeuronKernels::forward);
        add(m, Neuron.TYPE, Ops.BACKWARD_INPUT, Neuron.BackwardInput.class, NeuronKernels::backwardInput);
        add(m, Softmax.TYPE, Ops.FORWARD, Softmax.Forward.class, SoftmaxCostKernels::softmaxForward);
        add(m, Softmax.TYPE, Ops.BACKWARD_INPUT, Softmax.BackwardInput.class, SoftmaxCostKernels::softmaxBackward);
        add(m, Logreg.TYPE, Ops.FORWARD, Logreg.Forward.class, SoftmaxCostKernels::logregForward);
        add(m, Logreg.TYPE, Ops.BACKWARD_INPUT, Logreg.Backward.class, SoftmaxCostKernels::logregBackward);
        add(m, Logreg.TYPE, Ops.BACKWARD_SOFTMAX, Logreg.Backward.class, SoftmaxCostKernels::logregBackward);
        add(m, Sum2.TYPE, Ops.FORWARD, Sum2.Forward.class, SoftmaxCostKernels::sum2Forward);
        add(m, Sum2.TYPE, Ops.BACKWARD_INPUT, Sum2.BackwardInput.class, SoftmaxCostKernels::sum2Backward);
        add(m, Eltsum.TYPE, Ops.FORWARD, Eltsum.Forward.class, ElementwiseKernels::eltsumForward);
        add(m, Eltsum.TYPE, Ops.BACKWARD_INPUT, Eltsum.BackwardInput.class, ElementwiseKernels::eltsumBackward);
        add(m, Eltmax.TYPE, Ops.FORWARD, Eltmax.Forward.class, ElementwiseKernels::eltmaxForward);
        add(m, Eltmax.TYPE, Ops.BACKWARD_INPUT, Eltmax.BackwardInput.class, ElementwiseKernels::eltmaxBackward);
        return Collections.unmodifiableMap(m);
    }

    /** Binds {@code type/op} to {@code body}, which receives calls of record type {@code callType}, for both dtypes. */
    private static <C extends KernelCall> void add(Map<KernelKey, KernelFactory> m, String type, String op,
                                                   Class<C> callType, CpuKernel<C> body) {
        for (DType dtype : DType.values()) {
            KernelKey key = KernelKey.of(type, op, dtype);
            KernelContext context = new KernelContext(key);
            Kernel kernel = call -> body.run(checked(key, KernelCall.as(callType, key, call)), context);
            m.put(key, backend -> kernel);
        }
    }

    /** Fails with one line naming the kernel and the tensor when a tensor has another dtype or backend. */
    private static <C extends KernelCall> C checked(KernelKey key, C call) {
        for (Map.Entry<String, Tensor> e : call.tensors().entrySet()) {
            Tensor t = e.getValue();
            if (!(t instanceof CpuTensor) || t.dtype() != key.dtype()) {
                throw new IllegalArgumentException("kernel " + key + " on backend 'cpu': tensor '" + e.getKey()
                        + "' is " + t.describe() + " of backend '" + t.backendId() + "', expected "
                        + key.dtype().label() + " of backend 'cpu'");
            }
        }
        return call;
    }
}
