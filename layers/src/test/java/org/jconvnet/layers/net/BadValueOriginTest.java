package org.jconvnet.layers.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.jconvnet.api.config.ConfigException;
import org.jconvnet.api.layer.DataDims;
import org.junit.jupiter.api.Test;

/**
 * A bad size value is reported at the layer and key that hold it, with the numbers involved,
 * never as a wrapped-around size at some later layer (issue 13's cfg defects).
 */
class BadValueOriginTest {
    private static final String NET = "layers-18pct";

    /** The shipped 18% net with {@code from} replaced once by {@code to} in its layer definition. */
    private static ConfigException load(String from, String to) {
        String text = NetCatalog.layerDef(NET).text();
        assertTrue(text.contains(from), from);
        String mutated = text.replaceFirst(java.util.regex.Pattern.quote(from), to);
        return assertThrows(ConfigException.class, () -> NetDefinition.load(new NetSource("layers-18pct.cfg", mutated),
                NetCatalog.layerParamsFor(NET), DataDims.cifar(32), TestNets.PLUGINS, NetDefinition.Options.strict()));
    }

    private static void says(ConfigException e, String section, String key, String... words) {
        assertEquals("layers-18pct.cfg", e.file(), e.getMessage());
        assertEquals(section, e.section(), e.getMessage());
        assertEquals(key.toLowerCase(java.util.Locale.ROOT), e.key().toLowerCase(java.util.Locale.ROOT), e.getMessage());
        for (String w : words) {
            assertTrue(e.getMessage().contains(w), "'" + w + "' missing from: " + e.getMessage());
        }
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
    }

    @Test
    void aDataLayerWhoseOutputsDisagreeWithTheProviderIsRefused() {
        ConfigException e = load("type=data\ndataIdx=0\n", "type=data\ndataIdx=0\noutputs=3000\n");
        says(e, "data", "outputs", "3000", "3072");
    }

    @Test
    void aDataLayerWhoseOutputsAgreeIsAccepted() {
        String text = NetCatalog.layerDef(NET).text().replaceFirst("dataIdx=0\n", "dataIdx=0\noutputs=3072\n");
        NetDefinition d = NetDefinition.load(new NetSource("layers-18pct.cfg", text), NetCatalog.layerParamsFor(NET),
                DataDims.cifar(32), TestNets.PLUGINS, NetDefinition.Options.strict());
        assertEquals(3072, d.layer("data").outputs());
    }

    @Test
    void aHugeFilterCountIsReportedAtItsOwnLayerWithTheLimit() {
        ConfigException e = load("filters=32\npadding=2", "filters=2147483647\npadding=2");
        says(e, "conv1", "filters", "2147483647", String.valueOf(org.jconvnet.layers.support.Sizes.LIMIT));
        assertFalse(e.getMessage().matches(".*[ =(]-\\d.*"), "no wrapped-around negative size: " + e.getMessage());
    }

    @Test
    void aHugePaddingIsReportedAtItsOwnLayer() {
        ConfigException e = load("padding=2", "padding=2147483647");
        says(e, "conv1", "padding", String.valueOf(org.jconvnet.layers.support.Sizes.LIMIT));
    }

    @Test
    void aSizeThatIsNotASquareNamesTheLayerAndKeyItCameFrom() {
        // conv1 gives 160 x 32x32 = 163840 outputs; pool1 (channels=32) reads 5120 pixels: not a square.
        ConfigException e = load("filters=32\npadding=2", "filters=160\npadding=2");
        says(e, "pool1", "channels", "5120 is not a square", "[conv1] filters=160");
    }

    @Test
    void aChannelMismatchNamesTheLayerAndKeyItCameFrom() {
        // conv1 gives 128 x 32x32, which pool1 (channels=32) could read as 32 x 64x64: the channels disagree.
        ConfigException e = load("filters=32\npadding=2", "filters=128\npadding=2");
        says(e, "pool1", "channels", "128-channel", "[conv1] filters=128");
    }

    @Test
    void theOriginIsFoundThroughADetachedNeuronLayer() {
        // conv2's relu becomes layer conv2_neuron, which pool2 reads.
        ConfigException e = load("filters=32\npadding=2\nstride=1\nfilterSize=5\nchannels=32\nneuron=relu",
                "filters=160\npadding=2\nstride=1\nfilterSize=5\nchannels=32\nneuron=relu");
        says(e, "pool2", "channels", "'conv2_neuron'", "[conv2] filters=160");
    }
}
