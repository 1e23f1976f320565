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
 * The {@link LayerRun} the net hands one layer for one forward or backward call: plain views of
 * tensors the {@link Net} owns, plus the kernel lookup on the net's backend.
 */
final class NetLayerRun implements LayerRun {
    private final Backend backend;
    private final DType dtype;
    private final int numCases;
    private final PassMode pass;
    private final Tensor[] inputs;
    private final Tensor output;
    private final Tensor outputGrad;
    private final Tensor[] inputGrads;
    private final boolean[] accumulate;
    private final boolean absorbing;
    private final Map<String, Tensor> params;
    private final Map<String, Tensor> paramGrads;
    private final Map<String, Tensor> scratch;
    private final RandomGenerator random;
    private final String layerName;

    /** Holds everything; arrays are used as given (the net builds fresh ones per call). */
    NetLayerRun(Backend backend, DType dtype, int numCases, PassMode pass, String layerName, Tensor[] inputs,
                Tensor output, Tensor outputGrad, Tensor[] inputGrads, boolean[] accumulate, boolean absorbing,
                Map<String, Tensor> params, Map<String, Tensor> paramGrads, Map<String, Tensor> scratch,
                RandomGenerator random) {
        this.backend = backend;
        this.dtype = dtype;
        this.numCases = numCases;
        this.pass = pass;
        this.layerName = layerName;
        this.inputs = inputs;
        this.output = output;
        this.outputGrad = outputGrad;
        this.inputGrads = inputGrads;
        this.accumulate = accumulate;
        this.absorbing = absorbing;
        this.params = params;
        this.paramGrads = paramGrads;
        this.scratch = scratch;
        this.random = random;
    }

    @Override
    public int numCases() {
        return numCases;
    }

    @Override
    public PassMode pass() {
        return pass;
    }

    @Override
    public DType dtype() {
        return dtype;
    }

    @Override
    public Tensor input(int i) {
        checkInput(i);
        return inputs[i];
    }

    @Override
    public Tensor output() {
        return output;
    }

    @Override
    public Tensor outputGrad() {
        if (outputGrad == null) {
            throw new IllegalStateException("layer '" + layerName + "' asked for its output gradient outside a backward pass");
        }
        return outputGrad;
    }

    @Override
    public Optional<Tensor> inputGrad(int i) {
        checkInput(i);
        return inputGrads == null ? Optional.empty() : Optional.ofNullable(inputGrads[i]);
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
        Tensor t = scratch.get(name);
        if (t == null) {
            throw new IllegalArgumentException("layer '" + layerName + "' has no scratch buffer '" + name + "'; it declared " + scratch.keySet());
        }
        return t;
    }

    @Override
    public RandomGenerator random() {
        return random;
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
