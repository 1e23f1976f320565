package org.jconvnet.layers.numeric;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.jconvnet.api.backend.Backend;
import org.jconvnet.api.layer.PassMode;
import org.jconvnet.api.tensor.DType;
import org.jconvnet.layers.net.Net;
import org.jconvnet.layers.net.NetDefinition;
import org.jconvnet.layers.net.TestNets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Pins the weight and activation layouts of cuda-convnet.md §2 with one-hot probes through the Net:
 * one weight set to 1, one input pixel set to 1, and exactly the output element the index formula
 * predicts lights up (every other output is 0, biases being 0).
 */
class LayoutPinTest {
    @RegisterExtension
    static final CpuReference REFERENCE = new CpuReference();
    private static final Backend CPU = REFERENCE.backend();
    private static final int N = 3;
    private static final String LEARN = "epsW=0.1\nepsB=0.1\nmomW=0\nmomB=0\n";

    /** Runs a one-layer net with one weight and one input element set, returns the output. */
    private static double[] probe(NetDefinition d, String layer, int weightOffset, int inputOffset, int inputRows) {
        try (Net net = new Net(d, CPU, DType.FLOAT64)) {
            double[] w = new double[(int) net.paramSpec(layer, "weights").size()];
            w[weightOffset] = 1;
            net.setParam(layer, "weights", w);
            double[] in = new double[inputRows * N];
            in[inputOffset] = 1;
            net.forward(Map.of(0, in), N, PassMode.TEST);
            return net.output(layer);
        }
    }

    private static void onlyAt(double[] out, int at) {
        for (int i = 0; i < out.length; i++) {
            assertEquals(i == at ? 1.0 : 0.0, out[i], 0.0, "output element " + i + (i == at ? " (expected 1)" : ""));
        }
    }

    @Test
    void conv1WeightsRowIsChannelThenFilterRowThenColumn() {
        NetDefinition d = TestNets.of("[data]\ntype=data\ndataIdx=0\n[conv1]\ntype=conv\ninputs=data\nchannels=3\nfilters=64\n"
                + "padding=2\nstride=1\nfilterSize=5\ninitW=0.0001\n", "[conv1]\n" + LEARN, 3072);
        int c = 2, fy = 1, fx = 3, f = 37;
        int row = c * 25 + fy * 5 + fx;
        int y = 10, x = 20, n = 1;
        int inputOffset = ((c * 32 + y) * 32 + x) * N + n;
        // Module (my, mx) reads pixel (my - 2 + fy, mx - 2 + fx).
        int my = y + 2 - fy, mx = x + 2 - fx;
        onlyAt(probe(d, "conv1", row * 64 + f, inputOffset, 3072), ((f * 32 + my) * 32 + mx) * N + n);
    }

    @Test
    void local3WeightsAreModuleBlocksOfChannelKernels() {
        NetDefinition d = TestNets.of("[data]\ntype=data\ndataIdx=0\n[local3]\ntype=local\ninputs=data\nchannels=64\n"
                + "filters=64\npadding=1\nstride=1\nfilterSize=3\ninitW=0.04\n", "[local3]\n" + LEARN, 4096);
        assertEquals(36864, d.layer("local3").params().get(0).rows());
        int my = 2, mx = 5, c = 7, fy = 1, fx = 0, f = 50, n = 2;
        int m = my * 8 + mx;
        int row = m * 576 + c * 9 + fy * 3 + fx;
        int y = my - 1 + fy, x = mx - 1 + fx;
        int inputOffset = ((c * 8 + y) * 8 + x) * N + n;
        onlyAt(probe(d, "local3", row * 64 + f, inputOffset, 4096), ((f * 8 + my) * 8 + mx) * N + n);
    }

    @Test
    void fcWeightsAreFortranOrdered() {
        NetDefinition d = TestNets.of("[data]\ntype=data\ndataIdx=0\n[fc10]\ntype=fc\ninputs=data\noutputs=10\ninitW=0.01\n",
                "[fc10]\n" + LEARN, 2048);
        int i = 1234, j = 7, n = 0;
        onlyAt(probe(d, "fc10", j * 2048 + i, i * N + n, 2048), j * N + n);
    }

    @Test
    void convGroupsReadTheirOwnChannels() {
        NetDefinition d = TestNets.of("[data]\ntype=data\ndataIdx=0\n[c]\ntype=conv\ninputs=data\nchannels=8\n"
                + "filters=3\ngroups=2\npadding=0\nfilterSize=1\ninitW=0.1\n", "[c]\n" + LEARN, 8 * 4);
        // Filter 4 is in group 1, so its channel row 2 reads input channel 1*4 + 2 = 6.
        int f = 4, c = 2, n = 1, y = 1, x = 0;
        onlyAt(probe(d, "c", c * 6 + f, ((6 * 2 + y) * 2 + x) * N + n, 8 * 4), ((f * 2 + y) * 2 + x) * N + n);
    }
}
