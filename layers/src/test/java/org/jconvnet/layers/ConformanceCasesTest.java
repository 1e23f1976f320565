package org.jconvnet.layers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jconvnet.api.layer.LayerCase;
import org.jconvnet.api.layer.LayerPlugin;
import org.jconvnet.layers.net.NetDefinition;
import org.jconvnet.layers.net.NetSource;
import org.jconvnet.layers.net.TestNets;
import org.junit.jupiter.api.Test;

/** Every plugin's conformance cases are valid nets whose layer under test has the plugin's type. */
class ConformanceCasesTest {

    @Test
    void everyBuiltInTypeIsRegistered() {
        assertEquals(Set.of("data", "conv", "local", "fc", "pool", "cmrnorm", "rnorm", "cnorm", "neuron", "softmax",
                "cost.logreg", "cost.sum2", "eltsum", "eltmax"), TestNets.PLUGINS.types());
    }

    @Test
    void casesLoadAndTestTheirType() {
        int total = 0;
        for (LayerPlugin p : TestNets.PLUGINS.map().values()) {
            Set<String> names = new HashSet<>();
            for (LayerCase c : p.conformanceCases()) {
                assertTrue(names.add(c.name()), p.type() + " case names must be unique: " + c.name());
                int[] dims = c.inputs().stream().mapToInt(LayerCase.CaseInput::dims).toArray();
                NetDefinition d = NetDefinition.load(new NetSource(p.type() + "/" + c.name(), c.layersCfg()),
                        new NetSource(p.type() + "/" + c.name() + ":params", c.paramsCfg()), i -> dims[i],
                        TestNets.PLUGINS, NetDefinition.Options.allowingUnusedLayers());
                assertEquals(p.type(), d.layer(c.layer()).type(), c.name());
                assertTrue(c.numCases() >= 1);
                total++;
            }
            if (!p.type().equals("data")) {
                assertFalse(p.conformanceCases().isEmpty(), p.type() + " has no conformance cases");
            }
        }
        assertTrue(total > 50, "cases: " + total);
    }

    @Test
    void awkwardShapesAreCovered() {
        List<LayerCase> all = TestNets.PLUGINS.map().values().stream().flatMap(p -> p.conformanceCases().stream()).toList();
        assertTrue(all.stream().anyMatch(c -> c.numCases() == 1), "batch 1");
        assertTrue(all.stream().anyMatch(c -> c.numCases() % 2 == 1 && c.numCases() > 1), "odd batch");
        assertTrue(all.stream().anyMatch(c -> c.layersCfg().contains("stride=2")), "stride 2");
        assertTrue(all.stream().anyMatch(c -> c.layersCfg().contains("padding=0")), "padding 0");
        assertTrue(all.stream().anyMatch(c -> c.layersCfg().contains("groups=2")), "groups");
        assertTrue(all.stream().anyMatch(c -> c.layersCfg().contains("sharedBiases=0")), "unshared biases");
        assertTrue(all.stream().anyMatch(c -> c.layersCfg().contains("type=cmrnorm\nchannels=8\nsize=4")), "even cmrnorm");
    }
}
