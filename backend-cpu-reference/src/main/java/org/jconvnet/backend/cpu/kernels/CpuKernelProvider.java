package org.jconvnet.backend.cpu.kernels;

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
import org.jconvnet.backend.cpu.CpuBackendProvider;
import org.jconvnet.backend.cpu.CpuTensor;

/**
 * Registers a CPU reference kernel body for every op of the built-in table ({@link KernelOps}), each
 * for float32 and float64 (the same code; the dtype only picks the precision). The op says which
 * call record its body receives, so this class only pairs ops with bodies.
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
        add(m, KernelOps.SGD, ElementwiseKernels::sgd);
        add(m, KernelOps.BIAS_FORWARD, ElementwiseKernels::biasForward);
        add(m, KernelOps.BIAS_BACKWARD_WEIGHTS, ElementwiseKernels::biasBackward);
        add(m, KernelOps.CONV_FORWARD, ConvKernels::forward);
        add(m, KernelOps.CONV_BACKWARD_INPUT, ConvKernels::backwardInput);
        add(m, KernelOps.CONV_BACKWARD_WEIGHTS, ConvKernels::backwardWeights);
        add(m, KernelOps.LOCAL_FORWARD, ConvKernels::forward);
        add(m, KernelOps.LOCAL_BACKWARD_INPUT, ConvKernels::backwardInput);
        add(m, KernelOps.LOCAL_BACKWARD_WEIGHTS, ConvKernels::backwardWeights);
        add(m, KernelOps.FC_FORWARD, FcKernels::forward);
        add(m, KernelOps.FC_BACKWARD_INPUT, FcKernels::backwardInput);
        add(m, KernelOps.FC_BACKWARD_WEIGHTS, FcKernels::backwardWeights);
        add(m, KernelOps.POOL_FORWARD, PoolKernels::forward);
        add(m, KernelOps.POOL_BACKWARD_INPUT, PoolKernels::backwardInput);
        for (Norm.Kind kind : Norm.Kind.values()) {
            add(m, kind.forward(), NormKernels::forward);
            add(m, kind.backwardInput(), NormKernels::backwardInput);
        }
        add(m, KernelOps.NEURON_FORWARD, NeuronKernels::forward);
        add(m, KernelOps.NEURON_BACKWARD_INPUT, NeuronKernels::backwardInput);
        add(m, KernelOps.SOFTMAX_FORWARD, SoftmaxCostKernels::softmaxForward);
        add(m, KernelOps.SOFTMAX_BACKWARD_INPUT, SoftmaxCostKernels::softmaxBackward);
        add(m, KernelOps.LOGREG_FORWARD, SoftmaxCostKernels::logregForward);
        add(m, KernelOps.LOGREG_BACKWARD_INPUT, SoftmaxCostKernels::logregBackward);
        add(m, KernelOps.LOGREG_BACKWARD_SOFTMAX, SoftmaxCostKernels::logregBackward);
        add(m, KernelOps.SUM2_FORWARD, SoftmaxCostKernels::sum2Forward);
        add(m, KernelOps.SUM2_BACKWARD_INPUT, SoftmaxCostKernels::sum2Backward);
        add(m, KernelOps.ELTSUM_FORWARD, ElementwiseKernels::eltsumForward);
        add(m, KernelOps.ELTSUM_BACKWARD_INPUT, ElementwiseKernels::eltsumBackward);
        add(m, KernelOps.ELTMAX_FORWARD, ElementwiseKernels::eltmaxForward);
        add(m, KernelOps.ELTMAX_BACKWARD_INPUT, ElementwiseKernels::eltmaxBackward);
        return Collections.unmodifiableMap(m);
    }

    /** Binds {@code op} to {@code body}, which receives the op's call records, for both dtypes. */
    private static <C extends KernelCall> void add(Map<KernelKey, KernelFactory> m, KernelOp<C> op, CpuKernel<C> body) {
        for (DType dtype : DType.values()) {
            KernelKey key = op.key(dtype);
            KernelContext context = new KernelContext(key);
            Kernel kernel = call -> body.run(checked(key, op.cast(key, call)), context);
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
