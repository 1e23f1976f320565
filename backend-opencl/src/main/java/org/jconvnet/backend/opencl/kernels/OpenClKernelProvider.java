package org.jconvnet.backend.opencl.kernels;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import org.jconvnet.api.ApiVersion;
import org.jconvnet.api.kernel.Kernel;
import org.jconvnet.api.kernel.KernelFactory;
import org.jconvnet.api.kernel.KernelKey;
import org.jconvnet.api.kernel.KernelProvider;
import org.jconvnet.api.kernel.Ops;
import org.jconvnet.api.tensor.DType;
import org.jconvnet.backend.opencl.OpenClBackend;
import org.jconvnet.backend.opencl.OpenClBackendProvider;

/**
 * The OpenCL kernels of every key in {@code docs/kernel-contracts.md}, float32 only. Declaring the
 * keys touches no native code; a factory compiles its program (cached per source) when the
 * registry first asks for the kernel.
 */
public final class OpenClKernelProvider implements KernelProvider {
    private static final Map<KernelKey, KernelFactory> KERNELS = build();

    @Override
    public int apiVersion() {
        return ApiVersion.CURRENT;
    }

    @Override
    public String backendId() {
        return OpenClBackendProvider.ID;
    }

    @Override
    public Map<KernelKey, KernelFactory> kernels() {
        return KERNELS;
    }

    private static Map<KernelKey, KernelFactory> build() {
        Map<KernelKey, KernelFactory> m = new LinkedHashMap<>();
        put(m, "tensor", Ops.SGD, ElementwiseKernels::sgd);
        put(m, "bias", Ops.FORWARD, LayerKernels::biasForward);
        put(m, "bias", Ops.BACKWARD_WEIGHTS, LayerKernels::biasBackward);
        for (String layer : new String[] {"conv", "local"}) {
            boolean local = layer.equals("local");
            put(m, layer, Ops.FORWARD, b -> ConvKernels.forward(b, local));
            put(m, layer, Ops.BACKWARD_INPUT, b -> ConvKernels.backwardInput(b, local));
            put(m, layer, Ops.BACKWARD_WEIGHTS, b -> ConvKernels.backwardWeights(b, local));
        }
        put(m, "fc", Ops.FORWARD, FcKernels::forward);
        put(m, "fc", Ops.BACKWARD_INPUT, FcKernels::backwardInput);
        put(m, "fc", Ops.BACKWARD_WEIGHTS, FcKernels::backwardWeights);
        put(m, "pool", Ops.FORWARD, LayerKernels::poolForward);
        put(m, "pool", Ops.BACKWARD_INPUT, LayerKernels::poolBackward);
        put(m, "cmrnorm", Ops.FORWARD, NormKernels::cmrForward);
        put(m, "cmrnorm", Ops.BACKWARD_INPUT, NormKernels::cmrBackward);
        put(m, "rnorm", Ops.FORWARD, NormKernels::rnormForward);
        put(m, "rnorm", Ops.BACKWARD_INPUT, NormKernels::rnormBackward);
        put(m, "cnorm", Ops.FORWARD, NormKernels::cnormForward);
        put(m, "cnorm", Ops.BACKWARD_INPUT, NormKernels::cnormBackward);
        put(m, "neuron", Ops.FORWARD, ElementwiseKernels::neuronForward);
        put(m, "neuron", Ops.BACKWARD_INPUT, ElementwiseKernels::neuronBackward);
        put(m, "softmax", Ops.FORWARD, LayerKernels::softmaxForward);
        put(m, "softmax", Ops.BACKWARD_INPUT, LayerKernels::softmaxBackward);
        put(m, "cost.logreg", Ops.FORWARD, LayerKernels::logregForward);
        put(m, "cost.logreg", Ops.BACKWARD_INPUT, b -> LayerKernels.logregBackward(b, "logreg_backward_input"));
        put(m, "cost.logreg", Ops.BACKWARD_SOFTMAX, b -> LayerKernels.logregBackward(b, "logreg_backward_softmax"));
        put(m, "cost.sum2", Ops.FORWARD, LayerKernels::sum2Forward);
        put(m, "cost.sum2", Ops.BACKWARD_INPUT, ElementwiseKernels::sum2Backward);
        put(m, "eltsum", Ops.FORWARD, b -> ElementwiseKernels.scaledAdd(b, "input", "output"));
        put(m, "eltsum", Ops.BACKWARD_INPUT, b -> ElementwiseKernels.scaledAdd(b, "outputGrad", "inputGrad"));
        put(m, "eltmax", Ops.FORWARD, ElementwiseKernels::eltmaxForward);
        put(m, "eltmax", Ops.BACKWARD_INPUT, ElementwiseKernels::eltmaxBackward);
        return Collections.unmodifiableMap(m);
    }

    private static void put(Map<KernelKey, KernelFactory> m, String layer, String op,
                            Function<OpenClBackend, Kernel> make) {
        m.put(KernelKey.of(layer, op, DType.FLOAT32), backend -> make.apply(OpenClBackend.of(backend)));
    }
}
