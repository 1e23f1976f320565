package org.jconvnet.layers.numeric;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.jconvnet.api.backend.Backend;
import org.jconvnet.api.config.ConfigSection;
import org.jconvnet.api.io.Npy;
import org.jconvnet.api.io.NpyArray;
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
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The single-layer golden cases of {@code shared/golden} (forward only), each run through a
 * one-layer net built from its {@code config.ini}, in float64 (norm-wise error at most 1e-12) and
 * float32 (at most 1e-5), as the golden README prescribes. Skipped when the folder is absent.
 */
class GoldenCasesTest {
    @RegisterExtension
    static final CpuReference REFERENCE = new CpuReference();
    private static final Backend CPU = REFERENCE.backend();

    static Path golden() {
        return Numeric.shared().resolve("golden");
    }

    static Stream<Arguments> cases() throws IOException {
        List<Arguments> out = new ArrayList<>();
        Path dir = golden();
        if (!Files.isDirectory(dir)) {
            out.add(Arguments.of("(absent)", DType.FLOAT64));
            return out.stream();
        }
        try (Stream<Path> s = Files.list(dir)) {
            for (Path p : s.sorted().toList()) {
                if (Files.isRegularFile(p.resolve("config.ini")) && !p.getFileName().toString().equals("seed_net")) {
                    out.add(Arguments.of(p.getFileName().toString(), DType.FLOAT64));
                    out.add(Arguments.of(p.getFileName().toString(), DType.FLOAT32));
                }
            }
        }
        return out.stream();
    }

    @BeforeEach
    void goldenData() {
        assumeTrue(Files.isDirectory(golden()), "golden cases not found at " + golden());
    }

    /** A golden config.ini split into a layer-definition and a layer-parameter file. */
    record GoldenNet(String layer, int numCases, String def, String params) {
        static GoldenNet read(Path dir) throws IOException {
            CfgFile f = CfgReader.parse(dir.resolve("config.ini").toString(), Files.readString(dir.resolve("config.ini")));
            ConfigSection meta = f.section("case").orElseThrow();
            StringBuilder def = new StringBuilder();
            StringBuilder params = new StringBuilder();
            for (ConfigSection s : f.sections()) {
                if (s.name().equals("case")) {
                    continue;
                }
                if (s.name().endsWith(":params")) {
                    params.append(render(s.name().substring(0, s.name().length() - ":params".length()), s));
                } else {
                    def.append(render(s.name(), s));
                    String type = s.string("type");
                    if ((type.equals("conv") || type.equals("local") || type.equals("fc")) && !f.section(s.name() + ":params").isPresent()) {
                        // Forward-only cases carry no learning keys; the net needs some (frozen here).
                        params.append("[").append(s.name()).append("]\nepsW=").append(zeros(s)).append("\nepsB=0\nmomW=")
                                .append(zeros(s)).append("\nmomB=0\n\n");
                    }
                }
            }
            return new GoldenNet(meta.string("layer", null), meta.integer("numCases"), def.toString(), params.toString());
        }

        private static String zeros(ConfigSection s) {
            int n = s.stringList("inputs").size();
            return String.join(",", java.util.Collections.nCopies(n, "0"));
        }
    }

    /** A section as cfg text (values are already interpolation-free). */
    static String render(String name, ConfigSection s) {
        StringBuilder sb = new StringBuilder("[").append(name).append("]\n");
        s.values().forEach((k, v) -> sb.append(k).append('=').append(v.replace("\n", " ").replace("%", "%%")).append('\n'));
        return sb.append('\n').toString();
    }

    static double[] read(Path p) {
        return Npy.read(p).data();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("cases")
    void forwardMatchesGolden(String name, DType dtype) throws IOException {
        Path dir = golden().resolve(name);
        GoldenNet g = GoldenNet.read(dir);
        NetDefinition d = NetDefinition.load(new NetSource(name + "/layers", g.def()), new NetSource(name + "/params", g.params()),
                idx -> dims(dir, g, idx), TestNets.PLUGINS, NetDefinition.Options.allowingUnusedLayers());
        Layer layer = d.layer(g.layer());
        try (Net net = new Net(d, CPU, dtype)) {
            int weights = 0;
            for (ParamSpec p : layer.params()) {
                Path file = p.name().equals(ParamSpec.BIASES) ? dir.resolve("biases.npy")
                        : dir.resolve(p.inputIndex() >= 0 && p.name().contains(".") ? "weights_" + p.inputIndex() + ".npy" : "weights.npy");
                NpyArray a = Npy.read(file);
                assertEquals(p.size(), a.data().length, file + " size");
                if (p.role() == org.jconvnet.api.layer.ParamRole.WEIGHTS) {
                    assertEquals(p.order() == org.jconvnet.api.tensor.MatrixOrder.FORTRAN, a.fortranOrder(), file + " order");
                    assertArrayEquals(new int[] {p.rows(), p.cols()}, a.shape(), file + " shape");
                    weights++;
                }
                net.setParam(layer.name(), p.name(), a.data());
            }
            Map<Integer, double[]> data = new HashMap<>();
            for (Layer l : d.layers()) {
                l.dataIndex().ifPresent(idx -> data.put(idx, read(dir.resolve(inputFile(dir, l.name(), idx)))));
            }
            Map<String, double[]> costs = net.forward(data, g.numCases(), PassMode.TEST);
            double tol = dtype == DType.FLOAT64 ? 1e-12 : 1e-5;
            if (layer.isCost()) {
                double[] expected = read(dir.resolve("cost.npy"));
                double[] got = costs.get(layer.name());
                assertTrue(Math.abs(got[0] - expected[0]) <= tol * Math.abs(expected[0]), name + " nll " + got[0] + " vs " + expected[0]);
                assertEquals(expected[1], got[1], 1e-9, name + " error count");
            } else {
                double[] expected = read(dir.resolve("output.npy"));
                double[] got = net.output(layer.name());
                double err = Numeric.relErr(got, expected);
                assertTrue(err <= tol, name + " " + dtype + ": norm-wise relative error " + err + " > " + tol);
                double el = Numeric.elementErr(got, expected);
                assertTrue(el <= 10 * tol, name + " " + dtype + ": element-wise error " + el + " > " + 10 * tol);
            }
            assertTrue(weights == 0 || !layer.params().isEmpty());
        }
    }

    /** Which file holds data matrix idx of section {@code name}: labels, input, or input_k. */
    static String inputFile(Path dir, String name, int idx) {
        if (name.equals("labels")) {
            return "labels.npy";
        }
        if (Files.isRegularFile(dir.resolve("input.npy"))) {
            return "input.npy";
        }
        return "input_" + name.replaceAll("\\D", "") + ".npy";
    }

    private static int dims(Path dir, GoldenNet g, int idx) {
        try {
            CfgFile f = CfgReader.parse("config.ini", Files.readString(dir.resolve("config.ini")));
            for (ConfigSection s : f.sections()) {
                if (s.string("type", "").equals("data") && s.integer("dataIdx") == idx) {
                    return Npy.read(dir.resolve(inputFile(dir, s.name(), idx))).rows();
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        throw new IllegalArgumentException("no data matrix " + idx);
    }
}
