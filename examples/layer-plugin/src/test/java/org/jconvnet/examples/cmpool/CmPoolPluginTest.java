package org.jconvnet.examples.cmpool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jconvnet.api.config.ConfigException;
import org.jconvnet.api.config.ConfigSection;
import org.jconvnet.api.layer.DataDims;
import org.jconvnet.api.layer.LayerConfig;
import org.jconvnet.api.layer.LayerInput;
import org.jconvnet.api.layer.LayerPluginRegistry;
import org.jconvnet.api.tensor.ImageShape;
import org.junit.jupiter.api.Test;

/** Parsing, validation messages, output shape and discovery of the cmpool plugin. */
class CmPoolPluginTest {

    private static CmPoolLayer configure(String keys, int channels, int imgSize) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("type", "cmpool");
        values.put("inputs", "conv1");
        values.put("pool", "max");
        for (String line : keys.split("\n")) {
            if (!line.isBlank()) {
                String[] kv = line.split("=", 2);
                values.put(kv[0].trim(), kv[1].trim());
            }
        }
        ConfigSection def = new ConfigSection("net.cfg", "cmp", values);
        LayerInput in = new LayerInput("conv1", "conv", channels * imgSize * imgSize,
                Optional.of(new ImageShape(channels, imgSize)));
        return (CmPoolLayer) new CmPoolPlugin().configure(
                new LayerConfig(def, Optional.empty(), "params.cfg", List.of(in), DataDims.cifar(32)));
    }

    @Test
    void automaticOutputsCoverEveryChannelWithClippedLastWindow() {
        CmPoolLayer layer = configure("channels=8\nsize=3\nstride=2", 8, 5);
        assertEquals(new CmPoolGeometry(8, 5, 3, 0, 2, 4), layer.geometry());
        assertEquals(4 * 25, layer.outputs());
        assertEquals(new ImageShape(4, 5), layer.outputImage().orElseThrow());
        assertEquals("Initialized cross-map max-pooling layer 'cmp', producing 5x5 4-channel output", layer.initMessage());
        assertEquals(6, layer.geometry().windowStart(3));
        assertEquals(8, layer.geometry().windowEnd(3));
    }

    @Test
    void negativeStartClipsTheFirstWindow() {
        CmPoolGeometry g = configure("channels=6\nsize=4\nstride=3\nstart=-1", 6, 4).geometry();
        assertEquals(2, g.outputs());
        assertEquals(0, g.windowStart(0));
        assertEquals(3, g.windowEnd(0));
        // channel 2 is in windows 0 ([-1,3)) and 1 ([2,6)); channel 5 only in window 1
        assertEquals(0, g.firstOutputContaining(2));
        assertEquals(1, g.lastOutputContaining(2));
        assertEquals(1, g.firstOutputContaining(5));
        assertEquals(1, g.lastOutputContaining(5));
    }

    @Test
    void errorsNameFileSectionAndKey() {
        assertMessage("net.cfg: [cmp] pool: cross-map pooling supports only pool=max (as cuda-convnet2), got 'avg'",
                "channels=8\nsize=3\nstride=2\npool=avg", 8, 5);
        assertMessage("net.cfg: [cmp] size: must be in 1..8 (channels), got 9", "channels=8\nsize=9\nstride=2", 8, 5);
        assertMessage("net.cfg: [cmp] stride: must be in 1..3 (size), got 4", "channels=8\nsize=3\nstride=4", 8, 5);
        assertMessage("net.cfg: [cmp] start: must be in -2..0 so that window 0 holds a channel, got 1",
                "channels=8\nsize=3\nstride=2\nstart=1", 8, 5);
        assertMessage("net.cfg: [cmp] outputs: cross-map pooling with start=0, stride=2, size=3, outputs=2"
                + " covers only 5 of 8 input channels", "channels=8\nsize=3\nstride=2\noutputs=2", 8, 5);
        assertMessage("net.cfg: [cmp] outputs: outputs=5 makes window 4 start at channel 8, past the last of 8 channels",
                "channels=8\nsize=3\nstride=2\noutputs=5", 8, 5);
        assertMessage("net.cfg: [cmp] channels: input 'conv1' produces 5x5 8-channel output, but channels=2",
                "channels=2\nsize=1\nstride=1", 8, 5);
        assertMessage("net.cfg: [cmp] channels: input 'conv1' has 200 outputs, not a multiple of channels=3",
                "channels=3\nsize=1\nstride=1", 8, 5);
        assertMessage("net.cfg: [cmp] size: required key is missing", "channels=8\nstride=2", 8, 5);
    }

    private static void assertMessage(String expected, String keys, int channels, int imgSize) {
        ConfigException e = assertThrows(ConfigException.class, () -> configure(keys, channels, imgSize));
        assertEquals(expected, e.getMessage());
    }

    @Test
    void isDiscoveredThroughMetaInfServices() {
        LayerPluginRegistry registry = LayerPluginRegistry.discover(getClass().getClassLoader());
        assertTrue(registry.map().get("cmpool") instanceof CmPoolPlugin, registry.types().toString());
    }

    @Test
    void everyConformanceCaseConfigures() {
        for (var c : new CmPoolPlugin().conformanceCases()) {
            assertTrue(c.layersCfg().contains("type=cmpool"), c.name());
            assertEquals(1, c.inputs().size(), c.name());
        }
        assertEquals(4, new CmPoolPlugin().conformanceCases().size());
    }
}
