package org.jconvnet.layers.net;

import java.util.Map;
import java.util.Optional;
import java.util.random.RandomGenerator;
import org.jconvnet.api.backend.Backend;
import org.jconvnet.api.kernel.Kernel;
import org.jconvnet.api.kernel.KernelKey;
import org.jconvnet.api.layer.LayerRun;
import org.jconvnet.api.layer.PassMode;
import org.jconvnet.api.tensor.DType;
import org.jconvnet.api.tensor.Tensor;

/**
 * The {@link LayerRun} the net hands one layer for its forward, or for one step of a backward
 * schedule. It is built once, with the net, and holds indices, not tensors: it reads the current
 * minibatch's tensors from {@link Activations} and the pass mode and generator from
 * {@link PassState}, so running a pass allocates nothing here.
 */
final class NetLayerRun implements LayerRun {
    private final Backend backend;
    private final DType dtype;
    private final Activations activations;
    private final PassState state;
    private final String layerName;
    private final int self;
    private final int[] inputs;
    private final int[] gradTargets;
    private final boolean[] accumulate;
    private final boolean absorbing;
    private final Map<String, Tensor> params;
    private final Map<String, Tensor> paramGrads;

    private NetLayerRun(Backend backend, DType dtype, Activations activations, PassState state, String layerName, int self,
                        int[] inputs, int[] gradTargets, boolean[] accumulate, boolean absorbing,
                        Map<String, Tensor> params, Map<String, Tensor> paramGrads) {
        this.backend = backend;
        this.dtype = dtype;
        this.activations = activations;
        this.state = state;
        this.layerName = layerName;
        this.self = self;
        this.inputs = inputs;
        this.gradTargets = gradTargets;
        this.accumulate = accumulate;
        this.absorbing = absorbing;
        this.params = params;
        this.paramGrads = paramGrads;
    }

    /** Where the runs of one net get their tensors, parameters and pass state. */
    record Source(Backend backend, DType dtype, NetGraph graph, Activations activations, NetParameters params,
                  PassState state) {

        /** The forward run of layer {@code i}: no gradients. */
        NetLayerRun forward(int i) {
            return new NetLayerRun(backend, dtype, activations, state, graph.layer(i).name(), i, graph.inputs(i), null,
                    null, false, params.values(i), Map.of());
        }

        /**
         * A backward run of layer {@code i}.
         *
         * @param gradTargets per input, the layer whose output gradient receives that input's gradient, or -1 for none
         * @param accumulate  per input, whether to add to what is there
         * @param absorbing   whether the layer writes straight through an absorbed input
         */
        NetLayerRun backward(int i, int[] gradTargets, boolean[] accumulate, boolean absorbing) {
            return new NetLayerRun(backend, dtype, activations, state, graph.layer(i).name(), i, graph.inputs(i),
                    gradTargets, accumulate, absorbing, params.values(i), params.learningGrads(i));
        }
    }

    @Override
    public int numCases() {
        return activations.numCases();
    }

    @Override
    public PassMode pass() {
        return state.pass();
    }

    @Override
    public DType dtype() {
        return dtype;
    }

    @Override
    public Tensor input(int i) {
        checkInput(i);
        return activations.output(inputs[i]);
    }

    @Override
    public Tensor output() {
        return activations.output(self);
    }

    @Override
    public Tensor outputGrad() {
        if (gradTargets == null) {
            throw new IllegalStateException("layer '" + layerName + "' asked for its output gradient outside a backward pass");
        }
        return activations.grad(self);
    }

    @Override
    public Optional<Tensor> inputGrad(int i) {
        checkInput(i);
        return gradTargets == null || gradTargets[i] < 0 ? Optional.empty() : Optional.of(activations.grad(gradTargets[i]));
    }

    @Override
    public boolean accumulate(int i) {
        checkInput(i);
        return accumulate != null && accumulate[i];
    }

    @Override
    public boolean absorbing() {
        return absorbing;
    }

    @Override
    public Tensor param(String name) {
        Tensor t = params.get(name);
        if (t == null) {
            throw new IllegalArgumentException("layer '" + layerName + "' has no parameter '" + name + "'; it has " + params.keySet());
        }
        return t;
    }

    @Override
    public Optional<Tensor> paramGrad(String name) {
        param(name);
        return Optional.ofNullable(paramGrads.get(name));
    }

    @Override
    public Tensor scratch(String name) {
        Map<String, Tensor> scratch = activations.scratch(self);
        Tensor t = scratch.get(name);
        if (t == null) {
            throw new IllegalArgumentException("layer '" + layerName + "' has no scratch buffer '" + name + "'; it declared " + scratch.keySet());
        }
        return t;
    }

    @Override
    public RandomGenerator random() {
        return state.random();
    }

    @Override
    public Kernel kernel(String layerType, String op) {
        return backend.kernels().get(KernelKey.of(layerType, op, dtype));
    }

    private void checkInput(int i) {
        if (i < 0 || i >= inputs.length) {
            throw new IndexOutOfBoundsException("layer '" + layerName + "' has " + inputs.length + " input(s), not an input " + i);
        }
    }
}
