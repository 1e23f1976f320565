package org.jconvnet.backend.cpu.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.jconvnet.api.io.Npy;
import org.jconvnet.api.io.NpyArray;
import org.jconvnet.api.kernel.Ops;
import org.jconvnet.api.tensor.DType;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs the golden forward cases of {@code ../shared/golden} beside the repository (see its README) straight through
 * the CPU kernels, in float32 and float64, with the README's tolerances: norm-wise relative error
 * at most 1e-12 (float64) or 1e-5 (float32), and element-wise at most ten times that. The
 * {@code seed_net} case is checked layer by layer, each layer fed the golden output of the layer
 * below. Skips when the shared folder is absent.
 */
class GoldenCasesTest {

    /** The cases of the golden README. */
    private static final String[] CASES = {
        "conv_seed_conv1", "conv_stride2_pad0_odd", "conv_groups2", "conv_unshared_biases", "conv_channels5",
        "local_pad1", "local_stride2", "pool_max_s32", "pool_avg_s32", "pool_max_s16", "pool_avg_s16",
        "pool_max_s8", "pool_avg_s8", "pool_max_start1", "pool_avg_start1", "pool_max_s7_k2", "pool_avg_s7_k2",
        "cmrnorm_size9", "cmrnorm_size4", "cmrnorm_size5_blocked", "cmrnorm_size5_mindiv2", "rnorm_size3",
        "rnorm_size4", "fc_2048_10", "fc_two_inputs", "softmax", "logreg", "logreg_ties", "neuron_ident",
        "neuron_relu", "neuron_logistic", "neuron_tanh", "neuron_abs", "neuron_square", "neuron_sqrt",
        "neuron_linear", "neuron_softrelu", "neuron_brelu", "seed_net",
    };

    static Stream<Arguments> cases() {
        List<Arguments> list = new ArrayList<>();
        for (String name : CASES) {
            for (DType dtype : DType.values()) {
                list.add(Arguments.of(name, dtype));
            }
        }
        return list.stream();
    }

    /** {@code ../shared/golden} beside the repository root, else {@code -Djconvnet.shared}/golden; null if neither exists. */
    static Path goldenDir() {
        for (Path p = Paths.get("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isRegularFile(p.resolve("api/pom.xml")) && p.getParent() != null) {
                Path golden = p.getParent().resolve("shared/golden");
                if (Files.isDirectory(golden)) {
                    return golden;
                }
                break;
            }
        }
        String prop = System.getProperty("jconvnet.shared");
        if (prop != null && Files.isDirectory(Paths.get(prop, "golden"))) {
            return Paths.get(prop, "golden");
        }
        return null;
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("cases")
    void goldenForward(String name, DType dtype) {
        Path root = goldenDir();
        Assumptions.assumeTrue(root != null,
                "golden cases not found: neither ../shared/golden beside the repository nor -Djconvnet.shared=<dir>");
        Path dir = root.resolve(name);
        Assumptions.assumeTrue(Files.isDirectory(dir), "golden case folder missing: " + dir);
        Map<String, Map<String, String>> ini = readIni(dir.resolve("config.ini"));
        double tol = dtype == DType.FLOAT64 ? 1e-12 : 1e-5;
        if (name.equals("seed_net")) {
            checkSeedNet(dir, ini, dtype, tol);
            return;
        }
        Map<String, String> caseInfo = ini.get("case");
        String layer = caseInfo.get("layer");
        Map<String, String> section = ini.get(layer);
        Map<String, String> params = ini.getOrDefault(layer + ":params", Map.of());
        int n = Integer.parseInt(caseInfo.get("numCases"));
        if (section.get("type").equals("cost.logreg")) {
            checkLogreg(dir, n, dtype, tol);
            return;
        }
        List<NpyArray> inputs = new ArrayList<>();
        List<NpyArray> weights = new ArrayList<>();
        if (Files.exists(dir.resolve("input.npy"))) {
            inputs.add(read(dir, "input.npy"));
            if (Files.exists(dir.resolve("weights.npy"))) {
                weights.add(read(dir, "weights.npy"));
            }
        } else {
            for (int i = 0; Files.exists(dir.resolve("input_" + i + ".npy")); i++) {
                inputs.add(read(dir, "input_" + i + ".npy"));
                weights.add(read(dir, "weights_" + i + ".npy"));
            }
        }
        NpyArray biases = Files.exists(dir.resolve("biases.npy")) ? read(dir, "biases.npy") : null;
        double[] out = GoldenLayer.forward(section, params, inputs, weights, biases, n, dtype);
        compare(read(dir, "output.npy").data(), out, tol, name + " " + dtype);
    }

    private static void checkSeedNet(Path dir, Map<String, Map<String, String>> ini, DType dtype, double tol) {
        int n = Integer.parseInt(ini.get("case").get("numCases"));
        // layer name -> name of the array its consumers read (<layer>_neuron when it has neuron=)
        Map<String, String> produced = new LinkedHashMap<>();
        int checked = 0;
        for (Map.Entry<String, Map<String, String>> e : ini.entrySet()) {
            String layer = e.getKey();
            Map<String, String> section = e.getValue();
            String type = section.get("type");
            if (layer.equals("case") || layer.contains(":") || type == null) {
                continue;
            }
            produced.put(layer, layer);
            if (type.equals("data") || type.equals("cost.logreg")) {
                continue;
            }
            List<NpyArray> inputs = new ArrayList<>();
            for (String in : section.get("inputs").split(",")) {
                inputs.add(read(dir, produced.get(in.trim()) + ".npy"));
            }
            List<NpyArray> weights = new ArrayList<>();
            NpyArray biases = null;
            if (Files.exists(dir.resolve(layer + ".weights.npy"))) {
                weights.add(read(dir, layer + ".weights.npy"));
                biases = read(dir, layer + ".biases.npy");
            }
            Map<String, String> params = ini.getOrDefault(layer + ":params", Map.of());
            double[] out = GoldenLayer.forward(section, params, inputs, weights, biases, n, dtype);
            compare(read(dir, layer + ".npy").data(), out, tol, "seed_net " + layer + " " + dtype);
            checked++;
            if (section.containsKey("neuron")) {
                Map<String, String> neuron = Map.of("type", "neuron", "neuron", section.get("neuron"));
                NpyArray pre = read(dir, layer + ".npy");
                double[] act = GoldenLayer.forward(neuron, Map.of(), List.of(pre), List.of(), null, n, dtype);
                compare(read(dir, layer + "_neuron.npy").data(), act, tol, "seed_net " + layer + "_neuron " + dtype);
                produced.put(layer, layer + "_neuron");
                checked++;
            }
        }
        assertEquals(14, checked, "seed_net layers checked");
    }

    private static void checkLogreg(Path dir, int n, DType dtype, double tol) {
        NpyArray probs = read(dir, "input.npy");
        double[] labels = read(dir, "labels.npy").data();
        double[] cost = read(dir, "cost.npy").data();
        Launch l = Launch.of(dtype).integer("numCases", n).integer("classes", probs.rows())
                .tensor("labels", 1, n, labels).tensor("probs", probs.rows(), n, probs.data()).zeros("output", 2, n)
                .run("cost.logreg", Ops.FORWARD);
        double[] out = l.get("output");
        double logprob = 0;
        double errors = 0;
        for (int i = 0; i < n; i++) {
            logprob += out[i];
            errors += out[n + i];
        }
        assertTrue(Math.abs(logprob - cost[0]) <= tol * Math.abs(cost[0]), "logprob " + logprob + " vs " + cost[0]);
        assertEquals(cost[1], errors, 1e-6, "error count (ties credited 1/#ties)");
    }

    /** The README's comparison: norm-wise, then element-wise against 10x the tolerance. */
    private static void compare(double[] expected, double[] actual, double tol, String what) {
        assertEquals(expected.length, actual.length, what + ": output size");
        Checks.assertClose(expected, actual, tol, what);
        double maxAbs = 0;
        for (double v : expected) {
            maxAbs = Math.max(maxAbs, Math.abs(v));
        }
        double worst = 0;
        for (int i = 0; i < expected.length; i++) {
            worst = Math.max(worst, Math.abs(actual[i] - expected[i]) / Math.max(Math.abs(expected[i]), 0.01 * maxAbs));
        }
        assertTrue(worst <= 10 * tol, what + ": element-wise error " + worst + " > " + 10 * tol);
    }

    private static NpyArray read(Path dir, String file) {
        return Npy.read(dir.resolve(file));
    }

    /** A minimal reader of the golden config.ini: sections of key=value lines, # comments, in file order. */
    static Map<String, Map<String, String>> readIni(Path file) {
        Map<String, Map<String, String>> out = new LinkedHashMap<>();
        Map<String, String> current = null;
        try {
            for (String raw : Files.readAllLines(file)) {
                String line = raw.strip();
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                if (line.startsWith("[") && line.endsWith("]")) {
                    current = new LinkedHashMap<>();
                    out.put(line.substring(1, line.length() - 1), current);
                } else if (current != null && line.contains("=")) {
                    int eq = line.indexOf('=');
                    current.put(line.substring(0, eq).strip(), line.substring(eq + 1).strip());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }
}
