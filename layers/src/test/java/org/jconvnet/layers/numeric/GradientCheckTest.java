package org.jconvnet.layers.numeric;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.jconvnet.api.backend.Backend;
import org.jconvnet.api.layer.Layer;
import org.jconvnet.api.layer.LayerCase;
import org.jconvnet.api.layer.LayerPlugin;
import org.jconvnet.api.layer.ParamSpec;
import org.jconvnet.api.tensor.DType;
import org.jconvnet.layers.net.Net;
import org.jconvnet.layers.net.NetDefinition;
import org.jconvnet.layers.net.NetSource;
import org.jconvnet.layers.net.TestNets;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Float64 central-difference gradient checks through the Net for every layer type: each plugin's
 * small conformance cases (inputs via data gradients, weights, biases). Max-pool, eltmax, relu,
 * abs and brelu kinks are avoided by separating the inputs (see {@link Numeric#draw}).
 */
class GradientCheckTest {
    /** Cases bigger than this (data elements plus parameters) are left to the golden tests. */
    private static final long MAX_SIZE = 20_000;
    private static final int SAMPLES = 24;
    private static final double TOLERANCE = 1e-6;
    @RegisterExtension
    static final CpuReference REFERENCE = new CpuReference();
    private static final Backend CPU = REFERENCE.backend();

    static Stream<Arguments> cases() {
        List<Arguments> out = new ArrayList<>();
        for (LayerPlugin p : TestNets.PLUGINS.map().values()) {
            for (LayerCase c : p.conformanceCases()) {
                NetDefinition d = load(c);
                long size = 0;
                for (LayerCase.CaseInput in : c.inputs()) {
                    size += (long) in.dims() * c.numCases();
                }
                for (Layer l : d.layers()) {
                    for (ParamSpec s : l.params()) {
                        size += s.size();
                    }
                }
                if (size <= MAX_SIZE) {
                    out.add(Arguments.of(p.type(), c.name(), c));
                }
            }
        }
        return out.stream();
    }

    static NetDefinition load(LayerCase c) {
        int[] dims = c.inputs().stream().mapToInt(LayerCase.CaseInput::dims).toArray();
        return NetDefinition.load(new NetSource(c.name(), c.layersCfg()), new NetSource(c.name() + ":params", c.paramsCfg()),
                i -> dims[i], TestNets.PLUGINS, NetDefinition.Options.allowingUnusedLayers());
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("cases")
    void gradientsMatchCentralDifferences(String type, String name, LayerCase c) {
        Random rng = new Random(c.seed());
        Map<Integer, double[]> data = new HashMap<>();
        List<Integer> checked = new ArrayList<>();
        for (int i = 0; i < c.inputs().size(); i++) {
            LayerCase.CaseInput in = c.inputs().get(i);
            data.put(i, Numeric.draw(in, c.numCases(), rng, true));
            if (in.kind() != LayerCase.InputKind.LABELS) {
                checked.add(i);
            }
        }
        try (Net net = new Net(load(c), CPU, DType.FLOAT64)) {
            net.initParams(c.seed());
            Map<String, Double> errors = new GradCheck(net, c.layer(), data, c.numCases(), rng).run(checked, SAMPLES, rng);
            assertTrue(!errors.isEmpty());
            errors.forEach((k, e) -> assertTrue(e < TOLERANCE, type + "/" + name + " gradient of " + k + ": relative error " + e));
        }
    }
}
