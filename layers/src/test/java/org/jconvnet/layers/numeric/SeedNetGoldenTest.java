package org.jconvnet.layers.numeric;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jconvnet.api.backend.Backend;
import org.jconvnet.api.config.ConfigSection;
import org.jconvnet.api.layer.Layer;
import org.jconvnet.api.layer.ParamSpec;
import org.jconvnet.api.layer.PassMode;
import org.jconvnet.api.tensor.DType;
import org.jconvnet.layers.cfg.CfgFile;
import org.jconvnet.layers.cfg.CfgReader;
import org.jconvnet.layers.net.Net;
import org.jconvnet.layers.net.NetDefinition;
import org.jconvnet.layers.net.NetSource;
import org.jconvnet.layers.net.TestNets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The golden {@code seed_net} case: the whole layers-conv-local-11pct net on 32x32 input with
 * given weights, layer by layer (each layer fed the golden output of the layer below) and end to
 * end, in float64 (1e-12) and float32 (1e-5).
 */
class SeedNetGoldenTest {
    @RegisterExtension
    static final CpuReference REFERENCE = new CpuReference();
    private static final Backend CPU = REFERENCE.backend();
    private static final List<String> WEIGHT_LAYERS = List.of("conv1", "conv2", "local3", "local4", "fc10");

    static Path dir() {
        return GoldenCasesTest.golden().resolve("seed_net");
    }

    @BeforeEach
    void goldenData() {
        assumeTrue(Files.isDirectory(dir()), "golden seed_net not found at " + dir());
    }

    private static NetDefinition seed() throws IOException {
        GoldenCasesTest.GoldenNet g = GoldenCasesTest.GoldenNet.read(dir());
        return NetDefinition.load(new NetSource("seed_net/layers", g.def()), new NetSource("seed_net/params", g.params()),
                org.jconvnet.api.layer.DataDims.cifar(32), TestNets.PLUGINS, NetDefinition.Options.strict());
    }

    private static double[] npy(String name) {
        return GoldenCasesTest.read(dir().resolve(name + ".npy"));
    }

    private static void loadWeights(Net net, String layer) {
        net.setParam(layer, "weights", npy(layer + ".weights"));
        net.setParam(layer, ParamSpec.BIASES, npy(layer + ".biases"));
    }

    private static double tolerance(DType dtype) {
        return dtype == DType.FLOAT64 ? 1e-12 : 1e-5;
    }

    @ParameterizedTest
    @EnumSource(DType.class)
    void endToEnd(DType dtype) throws IOException {
        NetDefinition d = seed();
        try (Net net = new Net(d, CPU, dtype)) {
            WEIGHT_LAYERS.forEach(l -> loadWeights(net, l));
            Map<String, double[]> costs = net.forward(Map.of(0, npy("data"), 1, npy("labels")), 2, PassMode.TEST);
            for (String name : List.of("conv1", "conv1_neuron", "pool1", "rnorm1", "conv2", "conv2_neuron", "rnorm2", "pool2",
                    "local3", "local3_neuron", "local4", "local4_neuron", "fc10", "probs")) {
                double err = Numeric.relErr(net.output(name), npy(name));
                assertTrue(err <= tolerance(dtype), name + " " + dtype + ": norm-wise relative error " + err);
            }
            double[] expected = npy("logprob");
            double[] got = costs.get("logprob");
            assertEquals(expected[0], got[0], tolerance(dtype) * Math.abs(expected[0]), "logprob nll");
            assertEquals(expected[1], got[1], 0.0, "logprob errors");
        }
    }

    @ParameterizedTest
    @EnumSource(DType.class)
    void layerByLayer(DType dtype) throws IOException {
        NetDefinition full = seed();
        CfgFile cfg = CfgReader.parse("config.ini", Files.readString(dir().resolve("config.ini")));
        int tested = 0;
        for (Layer layer : full.layers()) {
            if (layer.dataIndex().isPresent() || layer.isCost()) {
                continue;
            }
            String input = full.inputsOf(layer.name()).get(0);
            double[] in = npy(input);
            ConfigSection section = cfg.section(layer.name())
                    .map(s -> s.with("inputs", "data").without("neuron"))
                    .orElseGet(() -> new ConfigSection("seed", layer.name(), Map.of("type", "neuron", "inputs", "data", "neuron", "relu")));
            String params = cfg.section(layer.name() + ":params").map(s -> GoldenCasesTest.render(layer.name(), s)).orElse("");
            int rows = full.layer(input).outputs();
            NetDefinition single = NetDefinition.load(new NetSource("seed/" + layer.name(), "[data]\ntype=data\ndataIdx=0\n\n"
                    + GoldenCasesTest.render(layer.name(), section)), new NetSource("seed/" + layer.name() + ":params", params),
                    idx -> rows, TestNets.PLUGINS, NetDefinition.Options.allowingUnusedLayers());
            try (Net net = new Net(single, CPU, dtype)) {
                if (WEIGHT_LAYERS.contains(layer.name())) {
                    loadWeights(net, layer.name());
                }
                Map<Integer, double[]> data = new HashMap<>();
                data.put(0, in);
                net.forward(data, 2, PassMode.TEST);
                double err = Numeric.relErr(net.output(layer.name()), npy(layer.name()));
                assertTrue(err <= tolerance(dtype), layer.name() + " " + dtype + ": norm-wise relative error " + err);
            }
            tested++;
        }
        assertEquals(15, tested + 1, "every layer of the seed but data, labels and the cost (probs included)");
    }
}
