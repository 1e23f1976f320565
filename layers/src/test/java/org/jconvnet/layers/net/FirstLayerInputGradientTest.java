package org.jconvnet.layers.net;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.random.RandomGenerator;
import org.jconvnet.api.backend.Backend;
import org.jconvnet.api.backend.BackendConfig;
import org.jconvnet.api.kernel.Kernel;
import org.jconvnet.api.kernel.Ops;
import org.jconvnet.api.layer.Layer;
import org.jconvnet.api.layer.LayerPlugin;
import org.jconvnet.api.layer.LayerPluginRegistry;
import org.jconvnet.api.layer.LayerRun;
import org.jconvnet.api.layer.ParamSpec;
import org.jconvnet.api.layer.PassMode;
import org.jconvnet.api.tensor.DType;
import org.jconvnet.api.tensor.Tensor;
import org.jconvnet.backend.cpu.CpuBackendProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * A training backward computes no gradient with respect to the data: the first conv layer gets no
 * input-gradient tensor, so it launches its weight-gradient kernel and never its input-gradient
 * kernel (the dearest part of a conv backward on any backend), and the parameter gradients are the
 * same as with data gradients on. Only gradient checks turn data gradients on.
 */
class FirstLayerInputGradientTest {
    private static final Backend CPU = new CpuBackendProvider().create(BackendConfig.defaults());
    private static final int N = 3;
    private static final String DEF = "[data]\ntype=data\ndataIdx=0\n"
            + "[conv1]\ntype=conv\ninputs=data\nchannels=3\nfilters=4\npadding=1\nstride=1\nfilterSize=3\ninitW=0.1\n"
            + "[conv2]\ntype=conv\ninputs=conv1\nchannels=4\nfilters=4\npadding=1\nstride=1\nfilterSize=3\ninitW=0.1\n"
            + "[cost]\ntype=cost.sum2\ninputs=conv2\n";
    private static final String LEARN = "epsW=0.1\nepsB=0.1\nmomW=0\nmomB=0\nwc=0\n";
    private static final String PARAMS = "[conv1]\n" + LEARN + "[conv2]\n" + LEARN + "[cost]\ncoeff=1\n";

    /** Kernel launches of the conv layers, as "layer type/op". */
    private final List<String> launches = new ArrayList<>();

    @AfterAll
    static void closeBackend() {
        CPU.close();
    }

    @Test
    void theFirstLayersInputGradientIsNeitherComputedNorNeeded() {
        double[] data = new double[3 * 5 * 5 * N];
        Random r = new Random(7);
        for (int i = 0; i < data.length; i++) {
            data[i] = r.nextGaussian();
        }
        try (Net net = new Net(recordingNet(), CPU, DType.FLOAT64)) {
            net.initParams(1);
            net.forward(Map.of(0, data), N, PassMode.TRAIN);
            launches.clear();
            net.backward();
            assertTrue(launches.contains("conv1 conv/" + Ops.BACKWARD_WEIGHTS), launches::toString);
            assertTrue(launches.contains("conv2 conv/" + Ops.BACKWARD_INPUT), launches::toString);
            assertFalse(launches.contains("conv1 conv/" + Ops.BACKWARD_INPUT),
                    "training launched the data's input gradient: " + launches);
            double[] trained = net.getParamGrad("conv1", ParamSpec.weightsName(0, 1));
            double[] conv2 = net.getParamGrad("conv2", ParamSpec.weightsName(0, 1));

            net.computeDataGradients(true);
            launches.clear();
            net.backward();
            assertEquals(1, launches.stream().filter(("conv1 conv/" + Ops.BACKWARD_INPUT)::equals).count(),
                    "with data gradients on, conv1 computes its input gradient: " + launches);
            assertArrayEquals(trained, net.getParamGrad("conv1", ParamSpec.weightsName(0, 1)),
                    "conv1's weight gradient does not depend on the skipped work");
            assertArrayEquals(conv2, net.getParamGrad("conv2", ParamSpec.weightsName(0, 1)));
        }
    }

    /** {@link #DEF} with the conv layers recording their kernel launches. */
    private NetDefinition recordingNet() {
        List<LayerPlugin> plugins = new ArrayList<>(TestNets.PLUGINS.map().values());
        LayerPlugin conv = TestNets.PLUGINS.map().get("conv");
        plugins.replaceAll(p -> p == conv ? new WrappingPlugin(conv, RecordingLayer::new) : p);
        return NetDefinition.load(new NetSource("layers.cfg", DEF), new NetSource("layer-params.cfg", PARAMS),
                i -> 3 * 5 * 5, LayerPluginRegistry.of(plugins), NetDefinition.Options.strict());
    }

    /** A conv layer whose backward runs record the kernels they launch. */
    private final class RecordingLayer extends ForwardingLayer {
        RecordingLayer(Layer inner) {
            super(inner);
        }

        @Override
        public void backward(LayerRun run) {
            super.backward(new RecordingRun(name(), run));
        }
    }

    /** A run that notes every kernel it hands out, then runs as {@code inner}. */
    private final class RecordingRun implements LayerRun {
        private final String layer;
        private final LayerRun inner;

        RecordingRun(String layer, LayerRun inner) {
            this.layer = layer;
            this.inner = inner;
        }

        public Kernel kernel(String layerType, String op) {
            Kernel k = inner.kernel(layerType, op);
            return call -> {
                launches.add(layer + " " + layerType + "/" + op);
                k.launch(call);
            };
        }

        public int numCases() {
            return inner.numCases();
        }

        public PassMode pass() {
            return inner.pass();
        }

        public DType dtype() {
            return inner.dtype();
        }

        public Tensor input(int i) {
            return inner.input(i);
        }

        public Tensor output() {
            return inner.output();
        }

        public Tensor outputGrad() {
            return inner.outputGrad();
        }

        public Optional<Tensor> inputGrad(int i) {
            return inner.inputGrad(i);
        }

        public boolean accumulate(int i) {
            return inner.accumulate(i);
        }

        public boolean absorbing() {
            return inner.absorbing();
        }

        public Tensor param(String name) {
            return inner.param(name);
        }

        public Optional<Tensor> paramGrad(String name) {
            return inner.paramGrad(name);
        }

        public Tensor scratch(String name) {
            return inner.scratch(name);
        }

        public RandomGenerator random() {
            return inner.random();
        }
    }
}
