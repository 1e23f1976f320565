package org.jconvnet.train.solver;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.jconvnet.api.backend.Backend;
import org.jconvnet.api.backend.BackendConfig;
import org.jconvnet.api.layer.LayerPluginRegistry;
import org.jconvnet.api.layer.PassMode;
import org.jconvnet.api.tensor.DType;
import org.jconvnet.backend.cpu.CpuBackendProvider;
import org.jconvnet.layers.net.LayerProfile;
import org.jconvnet.layers.net.Net;
import org.jconvnet.layers.net.NetDefinition;
import org.jconvnet.layers.net.NetSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * {@link SgdSolver} is cuda-convnet's rule of cuda-convnet.md §5.3, element for element: compared with
 * the formula written out in float64 (and with float32 rounding after every operation, as the
 * CPU reference's float32 kernels round), over two steps so that the momentum carries.
 */
class SgdSolverTest {
    private static final Backend CPU = new CpuBackendProvider().create(BackendConfig.defaults());
    private static final int N = 5;
    /** Data (4 rows) into fc f (3 outputs) and frozen fc g (2 outputs), each into a sum-of-squares cost. */
    private static final String DEF = "[data]\ntype=data\ndataIdx=0\n"
            + "[f]\ntype=fc\ninputs=data\noutputs=3\ninitW=0.5\ninitB=0.25\n[cost]\ntype=cost.sum2\ninputs=f\n"
            + "[g]\ntype=fc\ninputs=data\noutputs=2\ninitW=0.5\ninitB=0.25\n[gcost]\ntype=cost.sum2\ninputs=g\n";
    private static final String PARAMS = "[f]\nepsW=linear[0.1;0.5]\nepsB=0.2\nmomW=0.9\nmomB=0.5\nwc=0.01\n"
            + "[cost]\ncoeff=1\n[g]\nepsW=0\nepsB=0\nmomW=0.9\nmomB=0.9\nwc=0.01\n[gcost]\ncoeff=1\n";

    @AfterAll
    static void closeBackend() {
        CPU.close();
    }

    private static Net net(DType dtype) {
        NetDefinition def = NetDefinition.load(new NetSource("layers.cfg", DEF), new NetSource("layer-params.cfg", PARAMS),
                i -> 4, LayerPluginRegistry.discover(SgdSolverTest.class.getClassLoader()), NetDefinition.Options.strict());
        Net net = new Net(def, CPU, dtype);
        net.initParams(9);
        return net;
    }

    private static Map<Integer, double[]> batch(Random rng) {
        double[] x = new double[4 * N];
        for (int i = 0; i < x.length; i++) {
            x[i] = rng.nextGaussian();
        }
        return Map.of(0, x);
    }

    @Test
    void twoStepsEqualTheFormulaInFloat64BitForBit() {
        checkAgainstFormula(DType.FLOAT64);
    }

    @Test
    void twoStepsEqualTheFormulaWithFloat32RoundingBitForBit() {
        checkAgainstFormula(DType.FLOAT32);
    }

    /**
     * {@code V = mom*V - (eps/N)*G - eps*wc*W; W += V} per element, evaluated left to right, the
     * scalars {@code mom}, {@code eps/N} and {@code eps*wc} and each product and difference rounded
     * to the element type; eps of {@code linear[0.1;0.5]} at
     * progress 0.5 for the weights, 0.2 for the biases (no decay: wc is 0 for biases).
     */
    private static void checkAgainstFormula(DType dtype) {
        Random rng = new Random(2);
        try (Net net = net(dtype); Solver solver = new SgdSolver(net)) {
            double[] inc0 = new double[12];
            for (int i = 0; i < inc0.length; i++) {
                inc0[i] = 0.01 * (i - 6);
            }
            solver.setHistory("f", "weights", inc0);
            Map<String, double[]> expected = new HashMap<>();
            for (int step = 0; step < 2; step++) {
                net.forward(batch(rng), N, PassMode.TRAIN);
                net.backward();
                for (String p : new String[] {"weights", "biases"}) {
                    boolean weights = p.equals("weights");
                    double eps = weights ? 0.1 * (1 - 0.5) + 0.1 * 0.5 * 0.5 : 0.2;
                    // The kernel takes its three scalars in the element type, as a GPU kernel takes floats.
                    double mom = round(dtype, weights ? 0.9 : 0.5);
                    double decay = round(dtype, eps * (weights ? 0.01 : 0));
                    double gradScale = round(dtype, eps / N);
                    double[] w = net.getParam("f", p);
                    double[] g = net.getParamGrad("f", p);
                    double[] v = solver.history("f", p);
                    for (int i = 0; i < w.length; i++) {
                        v[i] = round(dtype, round(dtype, round(dtype, mom * v[i]) - round(dtype, gradScale * g[i]))
                                - round(dtype, decay * w[i]));
                        w[i] = round(dtype, w[i] + v[i]);
                    }
                    expected.put(p, w);
                    expected.put(p + ".inc", v);
                }
                solver.step(0.5);
                for (String p : new String[] {"weights", "biases"}) {
                    assertArrayEquals(expected.get(p + ".inc"), solver.history("f", p), 0.0, dtype + " step " + step + " " + p + " momentum");
                    assertArrayEquals(expected.get(p), net.getParam("f", p), 0.0, dtype + " step " + step + " " + p);
                }
            }
        }
    }

    private static double round(DType dtype, double v) {
        return dtype == DType.FLOAT32 ? (float) v : v;
    }

    @Test
    void aFrozenLayerNeitherMovesNorGathersMomentum() {
        try (Net net = net(DType.FLOAT64); Solver solver = new SgdSolver(net)) {
            double[] before = net.getParam("g", "weights");
            for (int step = 0; step < 2; step++) {
                net.forward(batch(new Random(step)), N, PassMode.TRAIN);
                net.backward();
                solver.step(0.5);
            }
            assertArrayEquals(before, net.getParam("g", "weights"), 0.0, "a frozen layer must not move");
            assertArrayEquals(new double[before.length], solver.history("g", "weights"), 0.0);
            assertTrue(java.util.Arrays.stream(solver.history("f", "weights")).anyMatch(v -> v != 0), "f learns");
        }
    }

    @Test
    void momentumStartsAtZeroAndRejectsWhatTheNetLacks() {
        try (Net net = net(DType.FLOAT64); Solver solver = new SgdSolver(net)) {
            assertArrayEquals(new double[12], solver.history("f", "weights"), 0.0);
            assertArrayEquals(new double[3], solver.history("f", "biases"), 0.0);
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> solver.history("f", "weights.1"));
            assertTrue(e.getMessage().contains("has no parameter 'weights.1'"), e.getMessage());
            e = assertThrows(IllegalArgumentException.class, () -> solver.setHistory("f", "biases", new double[4]));
            assertTrue(e.getMessage().contains("expected 3 values, got 4"), e.getMessage());
            assertThrows(IllegalStateException.class, () -> solver.step(0), "no forward yet");
        }
    }

    @Test
    void eachUpdateIsProfiledAsItsLayersSgdPhase() {
        try (Net net = net(DType.FLOAT64); Solver solver = new SgdSolver(net)) {
            LayerProfile profile = new LayerProfile();
            net.profileWith(profile);
            for (int step = 0; step < 2; step++) {
                net.forward(batch(new Random(step)), N, PassMode.TRAIN);
                net.backward();
                solver.step(0);
            }
            net.profileWith(null);
            Map<String, Integer> sgd = new HashMap<>();
            profile.entries().stream().filter(e -> e.phase() == LayerProfile.Phase.SGD)
                    .forEach(e -> sgd.put(e.layer(), e.calls()));
            assertEquals(Map.of("f", 2), sgd, "f's update, once per step; frozen g has none");
        }
    }
}
