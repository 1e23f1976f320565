package org.jconvnet.backend.cpu.kernels;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jconvnet.api.ApiVersion;
import org.jconvnet.api.kernel.Kernel;
import org.jconvnet.api.kernel.KernelArgs;
import org.jconvnet.api.kernel.KernelFactory;
import org.jconvnet.api.kernel.KernelKey;
import org.jconvnet.api.kernel.KernelProvider;
import org.jconvnet.api.kernel.Ops;
import org.jconvnet.api.tensor.DType;
import org.jconvnet.api.tensor.Tensor;
import org.jconvnet.backend.cpu.CpuBackendProvider;
import org.jconvnet.backend.cpu.CpuTensor;

/**
 * Registers every CPU reference kernel of {@code docs/kernel-contracts.md}, each for float32 and
 * float64 (the same code; the dtype only picks the precision).
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
        add(m, "tensor", Ops.SGD, ElementwiseKernels::sgd);
        add(m, "bias", Ops.FORWARD, ElementwiseKernels::biasForward);
        add(m, "bias", Ops.BACKWARD_WEIGHTS, ElementwiseKernels::biasBackward);
        for (String type : new String[] {"conv", "local"}) {
            boolean local = type.equals("local");
            add(m, type, Ops.FORWARD, c -> ConvKernels.forward(c, local));
            add(m, type, Ops.BACKWARD_INPUT, c -> ConvKernels.backwardInput(c, local));
            add(m, type, Ops.BACKWARD_WEIGHTS, c -> ConvKernels.backwardWeights(c, local));
        }
        add(m, "fc", Ops.FORWARD, FcKernels::forward);
        add(m, "fc", Ops.BACKWARD_INPUT, FcKernels::backwardInput);
        add(m, "fc", Ops.BACKWARD_WEIGHTS, FcKernels::backwardWeights);
        add(m, "pool", Ops.FORWARD, PoolKernels::forward);
        add(m, "pool", Ops.BACKWARD_INPUT, PoolKernels::backwardInput);
        for (NormKind kind : NormKind.values()) {
            add(m, kind.layerType(), Ops.FORWARD, c -> NormKernels.forward(c, kind));
            add(m, kind.layerType(), Ops.BACKWARD_INPUT, c -> NormKernels.backwardInput(c, kind));
        }
        add(m, "neuron", Ops.FORWARD, NeuronKernels::forward);
        add(m, "neuron", Ops.BACKWARD_INPUT, NeuronKernels::backwardInput);
        add(m, "softmax", Ops.FORWARD, SoftmaxCostKernels::softmaxForward);
        add(m, "softmax", Ops.BACKWARD_INPUT, SoftmaxCostKernels::softmaxBackward);
        add(m, "cost.logreg", Ops.FORWARD, SoftmaxCostKernels::logregForward);
        add(m, "cost.logreg", Ops.BACKWARD_INPUT, SoftmaxCostKernels::logregBackward);
        add(m, "cost.logreg", Ops.BACKWARD_SOFTMAX, SoftmaxCostKernels::logregBackwardSoftmax);
        add(m, "cost.sum2", Ops.FORWARD, SoftmaxCostKernels::sum2Forward);
        add(m, "cost.sum2", Ops.BACKWARD_INPUT, SoftmaxCostKernels::sum2Backward);
        add(m, "eltsum", Ops.FORWARD, ElementwiseKernels::eltsumForward);
        add(m, "eltsum", Ops.BACKWARD_INPUT, ElementwiseKernels::eltsumBackward);
        add(m, "eltmax", Ops.FORWARD, ElementwiseKernels::eltmaxForward);
        add(m, "eltmax", Ops.BACKWARD_INPUT, ElementwiseKernels::eltmaxBackward);
        return Collections.unmodifiableMap(m);
    }

    private static void add(Map<KernelKey, KernelFactory> m, String type, String op, CpuKernel body) {
        for (DType dtype : DType.values()) {
            KernelKey key = KernelKey.of(type, op, dtype);
            Kernel kernel = args -> body.run(new KernelContext(key, checked(key, args)));
            m.put(key, backend -> kernel);
        }
    }

    /** Fails with one line naming the kernel and the tensor when a tensor has another dtype or backend. */
    private static KernelArgs checked(KernelKey key, KernelArgs args) {
        for (Map.Entry<String, Tensor> e : args.tensors().entrySet()) {
            Tensor t = e.getValue();
            if (!(t instanceof CpuTensor) || t.dtype() != key.dtype()) {
                throw new IllegalArgumentException("kernel " + key + " on backend 'cpu': tensor '" + e.getKey()
                        + "' is " + t.describe() + " of backend '" + t.backendId() + "', expected "
                        + key.dtype().label() + " of backend 'cpu'");
            }
        }
        return args;
    }
}
