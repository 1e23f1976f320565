package org.jconvnet.examples.cmpool;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Random;
import org.jconvnet.api.backend.Backend;
import org.jconvnet.api.backend.BackendConfig;
import org.jconvnet.api.backend.BackendRegistry;
import org.jconvnet.api.layer.DataDims;
import org.jconvnet.api.layer.LayerPluginRegistry;
import org.jconvnet.api.layer.PassMode;
import org.jconvnet.api.tensor.DType;
import org.jconvnet.layers.net.Net;
import org.jconvnet.layers.net.NetDefinition;
import org.jconvnet.layers.net.NetSource;
import org.jconvnet.train.solver.SgdSolver;
import org.jconvnet.train.solver.Solver;
import org.junit.jupiter.api.Test;

/**
 * The example net {@code cfg/layers-maxout-cmpool.cfg} through jconvnet's own net builder, with
 * the plugin found by ServiceLoader next to the built-in layers: it configures, gradients flow
 * through the cmpool layer into conv1, and SGD on one minibatch lowers the cost.
 */
class MaxoutNetTest {

    @Test
    void theExampleNetConfiguresAndTrainsOnTheCpuReference() {
        ClassLoader loader = getClass().getClassLoader();
        NetDefinition def = NetDefinition.load(NetSource.file(Path.of("cfg/layers-maxout-cmpool.cfg")),
                NetSource.file(Path.of("cfg/layer-params-maxout-cmpool.cfg")), DataDims.cifar(32),
                LayerPluginRegistry.discover(loader), NetDefinition.Options.strict());
        assertTrue(def.initMessages().contains(
                "Initialized cross-map max-pooling layer 'maxout1', producing 32x32 16-channel output"),
                String.join("\n", def.initMessages()));

        int n = 4;
        Random r = new Random(3);
        double[] images = r.doubles(3072L * n).map(v -> v * 2 - 1).toArray();
        double[] labels = {1, 7, 3, 7};
        Map<Integer, double[]> data = Map.of(0, images, 1, labels);
        try (Backend cpu = BackendRegistry.discover(loader).find("cpu").orElseThrow().create(BackendConfig.defaults());
             Net net = new Net(def, cpu, DType.FLOAT32);
             Solver solver = new SgdSolver(net)) {
            net.initParams(11);
            net.forward(data, n, PassMode.TRAIN);
            double before = net.objective();
            net.backward();
            assertTrue(Arrays.stream(net.getParamGrad("conv1", "weights")).anyMatch(g -> g != 0),
                    "gradient must reach conv1 through the cmpool layer");
            for (int step = 0; step < 5; step++) {
                solver.step(0);
                net.forward(data, n, PassMode.TRAIN);
                net.backward();
            }
            double after = net.objective();
            assertTrue(Double.isFinite(before) && after < before, "cost " + before + " -> " + after);
        }
    }
}
