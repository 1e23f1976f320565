package org.jconvnet.layers.numeric;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Random;
import org.jconvnet.api.backend.Backend;
import org.jconvnet.api.layer.DataDims;
import org.jconvnet.api.layer.PassMode;
import org.jconvnet.api.tensor.DType;
import org.jconvnet.layers.net.Net;
import org.jconvnet.layers.net.NetCatalog;
import org.jconvnet.layers.net.NetDefinition;
import org.jconvnet.layers.net.TestNets;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The whole seed net forward and backward on one minibatch of 128 CIFAR-sized images on the CPU
 * reference backend in float32: the results must be sane (finite, cost near ln 10 with the
 * cfg's small initial weights, non-zero gradients everywhere). The wall time is printed: it is a
 * measurement for the notes, not an assertion.
 */
@Tag("slow")
class SeedNetMinibatchTest {
    @RegisterExtension
    static final CpuReference REFERENCE = new CpuReference();
    private static final Backend CPU = REFERENCE.backend();
    private static final int N = 128;

    @Test
    void seedNetForwardBackwardOn128() {
        NetDefinition d = NetDefinition.load(NetCatalog.layerDef(NetCatalog.SEED), NetCatalog.layerParamsFor(NetCatalog.SEED),
                DataDims.cifar(32), TestNets.PLUGINS, NetDefinition.Options.strict());
        Random rng = new Random(7);
        double[] images = new double[3072 * N];
        for (int i = 0; i < images.length; i++) {
            images[i] = 50 * rng.nextGaussian();
        }
        double[] labels = new double[N];
        for (int n = 0; n < N; n++) {
            labels[n] = rng.nextInt(10);
        }
        try (Net net = new Net(d, CPU, DType.FLOAT32)) {
            net.initParams(1);
            long t0 = System.nanoTime();
            Map<String, double[]> costs = net.forward(Map.of(0, images, 1, labels), N, PassMode.TRAIN);
            long t1 = System.nanoTime();
            net.backward();
            CPU.synchronize();
            long t2 = System.nanoTime();
            System.out.printf("seed net (layers-conv-local-11pct, 32x32) on the CPU reference backend, float32, N=%d: "
                    + "forward %.2f s, backward %.2f s, forward+backward %.2f s (%d cores)%n",
                    N, (t1 - t0) / 1e9, (t2 - t1) / 1e9, (t2 - t0) / 1e9,
                    Runtime.getRuntime().availableProcessors());
            double[] logprob = costs.get("logprob");
            assertEquals(Math.log(10), logprob[0] / N, 0.05, "mean negative log-likelihood with small initial weights");
            assertTrue(logprob[1] >= 0 && logprob[1] <= N, "error count " + logprob[1]);
            for (String layer : new String[] {"conv1", "conv2", "local3", "local4", "fc10"}) {
                for (String p : new String[] {"weights", "biases"}) {
                    double[] g = net.getParamGrad(layer, p);
                    double norm = 0;
                    for (double v : g) {
                        assertTrue(Double.isFinite(v), layer + "." + p + " gradient not finite");
                        norm += v * v;
                    }
                    assertTrue(norm > 0, layer + "." + p + " gradient is all zero");
                }
            }
            for (double v : net.output("probs")) {
                assertTrue(Double.isFinite(v) && v > 0 && v < 1, "probability " + v);
            }
        }
    }
}
