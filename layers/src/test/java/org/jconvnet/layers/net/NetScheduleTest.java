package org.jconvnet.layers.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jconvnet.api.backend.Backend;
import org.jconvnet.api.backend.BackendConfig;
import org.jconvnet.api.layer.Layer;
import org.jconvnet.api.layer.LayerPlugin;
import org.jconvnet.api.layer.LayerPluginRegistry;
import org.jconvnet.api.layer.LayerRun;
import org.jconvnet.api.layer.PassMode;
import org.jconvnet.api.tensor.DType;
import org.jconvnet.backend.cpu.CpuBackendProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * The net plans its passes once: every layer gets the same run object on every forward, and every
 * backward runs a schedule planned at construction, also across a change of minibatch size.
 */
class NetScheduleTest {
    private static final Backend CPU = new CpuBackendProvider().create(BackendConfig.defaults());
    private static final String DEF = "[data]\ntype=data\ndataIdx=0\n[a]\ntype=fc\ninputs=data\noutputs=4\ninitW=0.5\n"
            + "[b]\ntype=fc\ninputs=a\noutputs=3\ninitW=0.5\n[cost]\ntype=cost.sum2\ninputs=b\n";
    private static final String PARAMS = "[a]\nepsW=0.1\nepsB=0.1\nmomW=0.9\nmomB=0.9\nwc=0\n"
            + "[b]\nepsW=0.1\nepsB=0.1\nmomW=0.9\nmomB=0.9\nwc=0\n[cost]\ncoeff=1\n";

    /** One call a recorded layer received: which pass, the run object, and N as the run said then. */
    private record Call(String layer, boolean backward, LayerRun run, int numCases) {
    }

    private final List<Call> calls = new ArrayList<>();

    @AfterAll
    static void closeBackend() {
        CPU.close();
    }

    @Test
    void everyPassRunsTheRunsAndSchedulesBuiltWithTheNet() {
        try (Net net = new Net(recordingNet(), CPU, DType.FLOAT64)) {
            net.initParams(1);
            BackwardSchedules schedules = net.schedules();
            for (int n : new int[] {3, 3, 2}) {
                net.forward(Map.of(0, new double[5 * n]), n, PassMode.TRAIN);
                net.backward();
            }
            net.computeDataGradients(true);
            net.backward();
            net.backwardFrom("b", new double[3 * 2]);
            assertSame(schedules, net.schedules());

            List<Call> forwardsOfA = select("a", false);
            assertEquals(3, forwardsOfA.size());
            forwardsOfA.forEach(c -> assertSame(forwardsOfA.get(0).run(), c.run(), "one forward run of a for every pass"));
            assertEquals(List.of(3, 3, 2), forwardsOfA.stream().map(Call::numCases).toList(),
                    "the run reads N from the tensors of the pass");

            List<Call> backwardsOfA = select("a", true);
            assertEquals(5, backwardsOfA.size());
            LayerRun fromCosts = stepRun(schedules.fromCosts(false), "a");
            for (int k = 0; k < 3; k++) {
                assertSame(fromCosts, backwardsOfA.get(k).run(), "backward " + k + " runs the planned schedule");
            }
            assertSame(stepRun(schedules.fromCosts(true), "a"), backwardsOfA.get(3).run());
            assertSame(stepRun(schedules.fromLayer(2, true), "a"), backwardsOfA.get(4).run());
            assertNotSame(fromCosts, backwardsOfA.get(3).run(), "data gradients on: another schedule");
            assertEquals(2, backwardsOfA.get(4).numCases());
        }
    }

    @Test
    void aScheduleSkipsWhatNeedsNoGradient() {
        try (Net net = new Net(recordingNet(), CPU, DType.FLOAT64)) {
            // From b's output with data gradients off: b and a run; the cost is above the root.
            assertEquals(List.of("b", "a"), layers(net.schedules().fromLayer(2, false)));
            assertEquals(List.of("cost", "b", "a"), layers(net.schedules().fromCosts(false)));
            // From a: only a; nothing below it needs a gradient, so its input gets none.
            BackwardSchedule fromA = net.schedules().fromLayer(1, false);
            assertEquals(List.of("a"), layers(fromA));
            assertEquals(Optional.empty(), fromA.steps().get(0).run().inputGrad(0));
            assertEquals(0, fromA.zeroFirst().length);
            assertEquals(1, net.schedules().fromLayer(1, true).zeroFirst().length, "the data layer's gradient is zeroed");
        }
    }

    private List<Call> select(String layer, boolean backward) {
        return calls.stream().filter(c -> c.layer().equals(layer) && c.backward() == backward).toList();
    }

    private static LayerRun stepRun(BackwardSchedule s, String layer) {
        return s.steps().stream().filter(st -> st.layer().name().equals(layer)).findFirst().orElseThrow().run();
    }

    private static List<String> layers(BackwardSchedule s) {
        return s.steps().stream().map(st -> st.layer().name()).toList();
    }

    /** {@link #DEF} with every fc layer recording the runs it is handed into {@link #calls}. */
    private NetDefinition recordingNet() {
        List<LayerPlugin> plugins = new ArrayList<>(TestNets.PLUGINS.map().values());
        LayerPlugin fc = TestNets.PLUGINS.map().get("fc");
        plugins.replaceAll(p -> p == fc ? new WrappingPlugin(fc, RecordedLayer::new) : p);
        return NetDefinition.load(new NetSource("layers.cfg", DEF), new NetSource("layer-params.cfg", PARAMS), i -> 5,
                LayerPluginRegistry.of(plugins), NetDefinition.Options.strict());
    }

    /** A layer that notes each run it is handed, then runs as {@code inner}. */
    private final class RecordedLayer extends ForwardingLayer {
        RecordedLayer(Layer inner) {
            super(inner);
        }

        @Override
        public void forward(LayerRun run) {
            calls.add(new Call(name(), false, run, run.numCases()));
            super.forward(run);
        }

        @Override
        public void backward(LayerRun run) {
            calls.add(new Call(name(), true, run, run.numCases()));
            super.backward(run);
        }
    }
}
