package org.jconvnet.layers.numeric;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.jconvnet.api.backend.Backend;
import org.jconvnet.api.layer.PassMode;
import org.jconvnet.api.tensor.DType;
import org.jconvnet.layers.net.LayerProfile;
import org.jconvnet.layers.net.Net;
import org.jconvnet.layers.net.NetDefinition;
import org.jconvnet.layers.net.TestNets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** What the Net itself does: gradient accumulation, the logreg shortcut, frozen layers, profiling, init, re-allocation. */
class NetBehaviourTest {
    @RegisterExtension
    static final CpuReference REFERENCE = new CpuReference();
    private static final Backend CPU = REFERENCE.backend();
    private static final String LEARN = "epsW=0.1\nepsB=0.2\nmomW=0.9\nmomB=0.5\nwc=0.01\n";

    private static double[] gaussian(int n, Random rng) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = rng.nextGaussian();
        }
        Numeric.separate(v, 1e-4);
        return v;
    }

    @Test
    void sharedActivationsAccumulateGradients() {
        // a feeds b and c (and, with its relu, the eltsum twice over): its gradient is the sum of all.
        String def = "[data]\ntype=data\ndataIdx=0\n[a]\ntype=fc\ninputs=data\noutputs=6\ninitW=0.5\ninitB=0.1\nneuron=tanh[1,1]\n"
                + "[b]\ntype=fc\ninputs=a\noutputs=4\ninitW=0.5\n[c]\ntype=fc\ninputs=a,data\noutputs=4\ninitW=0.5,0.5\n"
                + "[s]\ntype=eltsum\ninputs=b,c,b\ncoeffs=1,-2,0.5\n[cost]\ntype=cost.sum2\ninputs=s\n";
        String params = "[a]\n" + LEARN + "[b]\n" + LEARN + "[c]\nepsW=0.1,0.1\nepsB=0.1\nmomW=0,0\nmomB=0\n[cost]\ncoeff=0.7\n";
        NetDefinition d = TestNets.strict(def, params, 5);
        Random rng = new Random(3);
        try (Net net = new Net(d, CPU, DType.FLOAT64)) {
            net.initParams(11);
            Map<String, Double> errors = new GradCheck(net, "cost", Map.of(0, gaussian(5 * 3, rng)), 3, rng)
                    .run(List.of(0), 40, rng);
            errors.forEach((k, e) -> assertTrue(e < 1e-6, k + ": " + e));
            assertEquals(8, errors.size(), errors.keySet().toString());
        }
    }

    @Test
    void profileTimesEveryLayerPhaseThatRanAndNothingWhenDetached() {
        // fc f has weights (forward, backward, update); softmax is absorbed by logreg (forward only);
        // data layers run forward (nothing to compute) and never backward.
        NetDefinition d = TestNets.strict(SOFTMAX_NET, "[f]\n" + LEARN + "[logprob]\ncoeff=1\n", 1, 4);
        Random rng = new Random(5);
        try (Net net = new Net(d, CPU, DType.FLOAT64)) {
            net.initParams(2);
            Map<Integer, double[]> data = Map.of(0, new double[] {0, 3, 1}, 1, gaussian(4 * 3, rng));
            LayerProfile profile = new LayerProfile();
            net.profileWith(profile);
            for (int pass = 0; pass < 2; pass++) {
                net.forward(data, 3, PassMode.TRAIN);
                net.backward();
                net.timeUpdate(d.layer("f"), () -> { }); // where a solver's update of f is timed
            }
            net.profileWith(null);
            net.forward(data, 3, PassMode.TRAIN);
            Map<String, Integer> calls = new HashMap<>();
            profile.entries().forEach(e -> calls.put(e.layer() + "/" + e.phase(), e.calls()));
            assertEquals(Map.of("labels/FORWARD", 2, "x/FORWARD", 2, "f/FORWARD", 2, "probs/FORWARD", 2,
                    "logprob/FORWARD", 2, "logprob/BACKWARD", 2, "f/BACKWARD", 2, "f/SGD", 2), calls);
            assertEquals("fc", profile.entries().stream().filter(e -> e.layer().equals("f")).findFirst().orElseThrow().type());
            assertEquals(profile.entries().stream().mapToLong(LayerProfile.Entry::nanos).sum(), profile.totalNanos());
            assertTrue(profile.totalNanos() > 0);
        }
    }

    @Test
    void exhaustedDeviceMemoryNamesTheLayerAndTheNetRecovers() {
        // A backend that refuses every tensor of more than 1000 cases, as a full GPU refuses cuMemAlloc.
        Backend small = new Backend() {
            public String id() {
                return "small";
            }

            public String deviceName() {
                return "a device with little memory";
            }

            public java.util.Set<DType> supportedDTypes() {
                return CPU.supportedDTypes();
            }

            public org.jconvnet.api.tensor.Tensor allocate(int rows, int cols, DType dtype) {
                if (cols > 1000) {
                    throw new org.jconvnet.api.JConvNetException("cannot allocate a " + rows + "x" + cols + " tensor: out of memory");
                }
                return CPU.allocate(rows, cols, dtype);
            }

            public org.jconvnet.api.kernel.KernelRegistry kernels() {
                return CPU.kernels();
            }

            public void synchronize() {
                CPU.synchronize();
            }

            public void close() {
            }
        };
        NetDefinition d = TestNets.strict(SOFTMAX_NET, "[f]\n" + LEARN + "[logprob]\ncoeff=1\n", 1, 4);
        try (Net net = new Net(d, small, DType.FLOAT64)) {
            net.initParams(2);
            org.jconvnet.api.JConvNetException e = assertThrows(org.jconvnet.api.JConvNetException.class,
                    () -> net.forward(Map.of(0, new double[2000], 1, new double[4 * 2000]), 2000, PassMode.TRAIN));
            assertTrue(e.getMessage().startsWith("cannot allocate the output of layer 'labels' (1 x 2000 cases, float64) "
                    + "on backend 'small': cannot allocate a 1x2000 tensor: out of memory"), e.getMessage());
            Map<String, double[]> costs = net.forward(Map.of(0, new double[] {0, 3, 1}, 1, gaussian(4 * 3, new Random(1))),
                    3, PassMode.TRAIN);
            assertEquals(2, costs.get("logprob").length);
        }
    }

    private static final String SOFTMAX_NET = "[labels]\ntype=data\ndataIdx=0\n[x]\ntype=data\ndataIdx=1\n"
            + "[f]\ntype=fc\ninputs=x\noutputs=5\ninitW=0.3\ninitB=0.1\n[probs]\ntype=softmax\ninputs=f\n"
            + "[logprob]\ntype=cost.logreg\ninputs=labels,probs\n";

    @Test
    void logregShortcutEqualsTheGeneralPath() {
        Random rng = new Random(5);
        double[] x = gaussian(7 * 4, rng);
        double[] labels = {0, 4, 2, 2};
        String params = "[f]\n" + LEARN + "[logprob]\ncoeff=1.5\n[other]\ncoeff=0\n";
        NetDefinition absorbed = TestNets.strict(SOFTMAX_NET, params, 1, 7);
        // A second (zero-weight) consumer of probs stops the shortcut: softmax backward then runs.
        NetDefinition general = TestNets.strict(SOFTMAX_NET + "[other]\ntype=cost.sum2\ninputs=probs\n", params, 1, 7);
        double[][] grads = new double[2][];
        double[][] wGrads = new double[2][];
        int k = 0;
        for (NetDefinition d : List.of(absorbed, general)) {
            try (Net net = new Net(d, CPU, DType.FLOAT64)) {
                net.initParams(2);
                net.computeDataGradients(true);
                net.forward(Map.of(0, labels, 1, x), 4, PassMode.TRAIN);
                net.backward();
                grads[k] = net.outputGrad("x");
                wGrads[k] = net.getParamGrad("f", "weights");
                k++;
            }
        }
        assertTrue(Numeric.relErr(grads[0], grads[1]) < 1e-12, "data gradient: " + Numeric.relErr(grads[0], grads[1]));
        assertTrue(Numeric.relErr(wGrads[0], wGrads[1]) < 1e-12);
        assertFalse(java.util.Arrays.stream(grads[0]).allMatch(v -> v == 0));
    }

    @Test
    void logregGradientChecksThroughTheShortcut() {
        Random rng = new Random(8);
        NetDefinition d = TestNets.strict(SOFTMAX_NET, "[f]\n" + LEARN + "[logprob]\ncoeff=1.5\n", 1, 7);
        try (Net net = new Net(d, CPU, DType.FLOAT64)) {
            net.initParams(4);
            Map<Integer, double[]> data = new HashMap<>();
            data.put(0, new double[] {1, 3, 0});
            data.put(1, gaussian(7 * 3, rng));
            new GradCheck(net, "logprob", data, 3, rng).run(List.of(1), 30, rng)
                    .forEach((key, e) -> assertTrue(e < 1e-6, key + ": " + e));
        }
    }

    @Test
    void frozenLayersGetNoGradientButPassItOn() {
        String def = "[data]\ntype=data\ndataIdx=0\n[a]\ntype=fc\ninputs=data\noutputs=4\ninitW=0.5\n"
                + "[b]\ntype=fc\ninputs=a\noutputs=3\ninitW=0.5\n[cost]\ntype=cost.sum2\ninputs=b\n";
        String params = "[a]\n" + LEARN + "[b]\nepsW=0\nepsB=0\nmomW=0.9\nmomB=0.9\n[cost]\ncoeff=1\n";
        try (Net net = new Net(TestNets.strict(def, params, 5), CPU, DType.FLOAT64)) {
            net.initParams(1);
            net.forward(Map.of(0, gaussian(10, new Random(1))), 2, PassMode.TRAIN);
            net.backward();
            assertTrue(java.util.Arrays.stream(net.getParamGrad("b", "weights")).allMatch(v -> v == 0), "frozen b computed");
            assertFalse(java.util.Arrays.stream(net.getParamGrad("a", "weights")).allMatch(v -> v == 0), "a got nothing");
            assertTrue(net.parameters().stream().filter(p -> p.layer().name().equals("b")).noneMatch(p -> p.learns()));
            assertTrue(net.parameters().stream().filter(p -> p.layer().name().equals("a")).allMatch(p -> p.learns()));
        }
    }

    @Test
    void initParamsIsDeterministicAndUsesInitWAndInitB() {
        String def = "[data]\ntype=data\ndataIdx=0\n[f]\ntype=fc\ninputs=data\noutputs=50\ninitW=0.2\ninitB=0.3\n";
        NetDefinition d = TestNets.of(def, "[f]\n" + LEARN, 40);
        try (Net a = new Net(d, CPU, DType.FLOAT64); Net b = new Net(d, CPU, DType.FLOAT64)) {
            a.initParams(42);
            b.initParams(42);
            assertArrayEquals(a.getParam("f", "weights"), b.getParam("f", "weights"), 0.0);
            b.initParams(43);
            assertFalse(java.util.Arrays.equals(a.getParam("f", "weights"), b.getParam("f", "weights")));
            double[] w = a.getParam("f", "weights");
            double sq = 0;
            for (double v : w) {
                sq += v * v;
            }
            assertEquals(0.2, Math.sqrt(sq / w.length), 0.01, "standard deviation initW");
            for (double v : a.getParam("f", "biases")) {
                assertEquals(0.3, v, 0.0);
            }
        }
    }

    @Test
    void batchSizeChangesReallocate() {
        String def = "[data]\ntype=data\ndataIdx=0\n[n]\ntype=neuron\ninputs=data\nneuron=square\n";
        try (Net net = new Net(TestNets.of(def, "", 2), CPU, DType.FLOAT32)) {
            net.forward(Map.of(0, new double[] {1, 2, 3, 4, 5, 6}), 3, PassMode.TEST);
            assertArrayEquals(new double[] {1, 4, 9, 16, 25, 36}, net.output("n"), 0.0);
            net.forward(Map.of(0, new double[] {2, 3}), 1, PassMode.TEST);
            assertArrayEquals(new double[] {4, 9}, net.output("n"), 0.0);
            assertThrows(IllegalArgumentException.class, () -> net.forward(Map.of(0, new double[3]), 1, PassMode.TEST));
            assertThrows(IllegalArgumentException.class, () -> net.forward(Map.of(), 1, PassMode.TEST));
        }
    }
}
