package org.jconvnet.layers.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.jconvnet.api.config.ConfigException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Bad nets fail while loading, with one line naming file, section and key. */
class NetErrorsTest {
    private static final String DATA = "[data]\ntype=data\ndataIdx=0\n\n";
    private static final String CONV_PARAMS = "[c]\nepsW=0.1\nepsB=0.1\nmomW=0.9\nmomB=0.9\nwc=0\n";

    private static ConfigException fails(Executable e) {
        return assertThrows(ConfigException.class, e);
    }

    private static void located(ConfigException e, String file, String section, String key, String... words) {
        assertEquals(file, e.file(), e.getMessage());
        assertEquals(section, e.section(), e.getMessage());
        // Keys are case-insensitive; errors spell them as the documentation does (filterSize).
        assertEquals(key == null ? null : key.toLowerCase(java.util.Locale.ROOT),
                e.key() == null ? null : e.key().toLowerCase(java.util.Locale.ROOT), e.getMessage());
        for (String w : words) {
            assertTrue(e.getMessage().contains(w), "'" + w + "' missing from: " + e.getMessage());
        }
        assertTrue(!e.getMessage().contains("\n"), "one line: " + e.getMessage());
    }

    private static String conv(String extra) {
        return DATA + "[c]\ntype=conv\ninputs=data\nfilters=4\ninitW=0.1\n" + extra;
    }

    @Test
    void unknownTypeListsKnownTypes() {
        ConfigException e = fails(() -> TestNets.of(DATA + "[x]\ntype=convolution\ninputs=data\n", "", 12));
        located(e, "layers.cfg", "x", "type", "unknown layer type 'convolution'", "conv", "cmrnorm", "cost.logreg", "local", "pool");
    }

    @Test
    void missingTypeIsLocated() {
        located(fails(() -> TestNets.of(DATA + "[x]\ninputs=data\n", "", 12)), "layers.cfg", "x", "type", "missing");
    }

    @Test
    void missingKeyNamesFileSectionKey() {
        located(fails(() -> TestNets.of(conv("channels=3\n"), CONV_PARAMS, 48)), "layers.cfg", "c", "filtersize", "missing");
    }

    @Test
    void missingParamsKeyNamesParamsFile() {
        located(fails(() -> TestNets.of(conv("channels=3\nfilterSize=3\n"), "[c]\nepsW=0.1\nepsB=0.1\nmomB=0.9\n", 48)),
                "layer-params.cfg", "c", "momw", "missing");
    }

    @Test
    void inputsNamingLaterLayer() {
        ConfigException e = fails(() -> TestNets.of(DATA + "[a]\ntype=neuron\ninputs=b\nneuron=relu\n"
                + "[b]\ntype=neuron\ninputs=data\nneuron=relu\n", "", 4));
        located(e, "layers.cfg", "a", "inputs", "'b'", "later");
    }

    @Test
    void inputsNamingUnknownLayer() {
        located(fails(() -> TestNets.of(DATA + "[a]\ntype=neuron\ninputs=dta\nneuron=relu\n", "", 4)),
                "layers.cfg", "a", "inputs", "'dta'", "not a section");
    }

    @Test
    void inputsNamingItself() {
        located(fails(() -> TestNets.of(DATA + "[a]\ntype=neuron\ninputs=a\nneuron=relu\n", "", 4)),
                "layers.cfg", "a", "inputs", "this very section");
    }

    @Test
    void nonSquareInput() {
        located(fails(() -> TestNets.of(conv("channels=3\nfilterSize=3\n"), CONV_PARAMS, 3 * 30)),
                "layers.cfg", "c", "channels", "30 pixels", "not a square");
    }

    @Test
    void inputNotDivisibleByChannels() {
        located(fails(() -> TestNets.of(conv("channels=5\nfilterSize=3\n"), CONV_PARAMS, 48)),
                "layers.cfg", "c", "channels", "48 outputs", "not divisible by 5");
    }

    @Test
    void channelsDisagreeWithInputImage() {
        // 16 channels of 4x4 is also 64 channels of 2x2: the input's own geometry settles it.
        String def = conv("channels=16\nfilterSize=3\npadding=1\n")
                + "[d]\ntype=conv\ninputs=c\nchannels=16\nfilters=4\nfilterSize=1\ninitW=0.1\n";
        located(fails(() -> TestNets.of(def, CONV_PARAMS + CONV_PARAMS.replace("[c]", "[d]"), 16 * 16)),
                "layers.cfg", "d", "channels", "4x4 4-channel");
    }

    @Test
    void groupsNotDividingChannels() {
        located(fails(() -> TestNets.of(conv("channels=6\ngroups=4\nfilterSize=3\n"), CONV_PARAMS, 6 * 16)),
                "layers.cfg", "c", "groups", "groups=4", "channels=6");
    }

    @Test
    void filterLargerThanPaddedImage() {
        located(fails(() -> TestNets.of(conv("channels=1\nfilterSize=7\npadding=1\n"), CONV_PARAMS, 16)),
                "layers.cfg", "c", "filtersize", "filterSize=7", "4 + 2*1 = 6");
    }

    @Test
    void strideLargerThanFilter() {
        located(fails(() -> TestNets.of(conv("channels=1\nfilterSize=2\nstride=3\n"), CONV_PARAMS, 64)),
                "layers.cfg", "c", "stride", "stride=3");
    }

    @Test
    void missingParamsSectionNamesParamsFile() {
        located(fails(() -> TestNets.of(conv("channels=1\nfilterSize=3\n"), "[other]\nx=1\n", 16)),
                "layer-params.cfg", "c", null, "needs a section [c]");
    }

    @Test
    void unusedLayerIsAnErrorWhenStrict() {
        ConfigException e = fails(() -> TestNets.strict(DATA + "[n]\ntype=neuron\ninputs=data\nneuron=relu\n", "", 4));
        located(e, "layers.cfg", "n", null, "unused");
        TestNets.of(DATA + "[n]\ntype=neuron\ninputs=data\nneuron=relu\n", "", 4);
    }

    @Test
    void weightSourceAndRandSparseAreRefused() {
        located(fails(() -> TestNets.of(conv("channels=1\nfilterSize=3\nweightSource=other\n"), CONV_PARAMS, 16)),
                "layers.cfg", "c", "weightsource", "not supported by jconvnet yet");
        located(fails(() -> TestNets.of(conv("channels=4\nfilterSize=3\ngroups=2\nrandSparse=true\n"), CONV_PARAMS, 64)),
                "layers.cfg", "c", "randsparse", "not supported by jconvnet yet");
    }

    @Test
    void unknownNeuronListsKnown() {
        located(fails(() -> TestNets.of(DATA + "[n]\ntype=neuron\ninputs=data\nneuron=gelu\n", "", 4)),
                "layers.cfg", "n", "neuron", "unknown neuron 'gelu'", "relu", "tanh[a,b]", "brelu[a]", "softrelu");
        located(fails(() -> TestNets.of(DATA + "[n]\ntype=neuron\ninputs=data\nneuron=tanh[1]\n", "", 4)),
                "layers.cfg", "n", "neuron", "takes 2 parameter");
    }

    @Test
    void neuronShorthandErrorsAreReportedWhereTheUserWroteThem() {
        // The user wrote neuron=bogus in [c]; [c_neuron] is generated, so the error points at [c].
        ConfigException e = fails(() -> TestNets.of(conv("channels=1\nfilterSize=3\nneuron=bogus\n"), CONV_PARAMS, 16));
        located(e, "layers.cfg", "c", "neuron", "unknown neuron 'bogus'");
    }

    @Test
    void perInputListOfWrongLength() {
        located(fails(() -> TestNets.of(conv("channels=1,1\nfilterSize=3\n"), CONV_PARAMS, 16)),
                "layers.cfg", "c", "channels", "one per input");
    }

    @Test
    void poolStrideAndWindow() {
        String pool = DATA + "[p]\ntype=pool\ninputs=data\npool=max\nchannels=1\nsizeX=3\n";
        located(fails(() -> TestNets.of(pool + "stride=4\n", "", 16)), "layers.cfg", "p", "stride", "stride=4");
        located(fails(() -> TestNets.of(pool + "stride=1\nstart=-3\n", "", 16)), "layers.cfg", "p", "start", "entirely outside");
        located(fails(() -> TestNets.of(pool.replace("pool=max", "pool=median") + "stride=1\n", "", 16)),
                "layers.cfg", "p", "pool", "known: max, avg");
    }

    @Test
    void cmrnormSizeLargerThanChannels() {
        located(fails(() -> TestNets.of(DATA + "[n]\ntype=cmrnorm\ninputs=data\nchannels=4\nsize=5\n",
                "[n]\nscale=1\npow=1\n", 64)), "layers.cfg", "n", "size", "number of channels (4)");
    }

    @Test
    void logregNeedsLabelsFirst() {
        String def = "[labels]\ntype=data\ndataIdx=0\n[x]\ntype=data\ndataIdx=1\n[probs]\ntype=softmax\ninputs=x\n"
                + "[cost]\ntype=cost.logreg\ninputs=probs,labels\n";
        located(fails(() -> TestNets.of(def, "[cost]\ncoeff=1\n", 1, 10)), "layers.cfg", "cost", "inputs", "labels");
    }

    @Test
    void dataIndexBeyondProvider() {
        located(fails(() -> TestNets.of("[d]\ntype=data\ndataIdx=2\n", "", 4)), "layers.cfg", "d", "dataidx", "not 3");
    }

    @Test
    void syntaxErrorsCarryTheFile() {
        located(fails(() -> TestNets.of(DATA + "oops\n", "", 4)), "layers.cfg", "data", null, "malformed");
        located(fails(() -> TestNets.of(DATA, "x=1\n", 4)), "layer-params.cfg", null, null, "outside any section");
    }
}
