package org.jconvnet.layers.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class NetFlopsTest {

    private static Map<String, Long> byLayer(NetFlops f) {
        return f.perLayer().stream().collect(Collectors.toMap(NetFlops.LayerFlops::layer, NetFlops.LayerFlops::forward));
    }

    @Test
    void seedNetIs70point5MflopForwardAnd211point5Train() {
        NetFlops f = NetFlops.of(TestNets.shipped(NetCatalog.SEED, 32));
        // The figures issue 12 quotes for the seed net at 32x32, rounded to 0.1 MFLOP.
        assertEquals(70.5, Math.round(f.forwardPerImage() / 1e5) / 10.0);
        assertEquals(211.5, Math.round(f.trainPerImage() / 1e5) / 10.0);
        Map<String, Long> l = byLayer(f);
        // conv1: 32x32 modules, 64 filters of 3x5x5, plus one bias add per output.
        assertEquals(2L * 32 * 32 * 64 * 3 * 25 + 32 * 32 * 64, l.get("conv1"));
        // conv2: 16x16 modules, 64 filters of 64x5x5.
        assertEquals(2L * 16 * 16 * 64 * 64 * 25 + 16 * 16 * 64, l.get("conv2"));
        // local3: same products as a conv of the same geometry (a filter bank per module).
        assertEquals(2L * 8 * 8 * 64 * 64 * 9 + 8 * 8 * 64, l.get("local3"));
        assertEquals(2L * 2048 * 10 + 10, l.get("fc10"));
        assertEquals(16L * 16 * 64 * 9, l.get("pool1"));
        assertEquals(16L * 16 * 64 * (2 * 9 + 5), l.get("rnorm1"));
        assertEquals(32L * 32 * 64, l.get("conv1_neuron"));
        assertEquals(0L, l.get("logprob"));
        assertTrue(f.uncounted().isEmpty(), f.uncounted().toString());
    }

    @Test
    void layers18pctIs24point9MflopForward() {
        NetFlops f = NetFlops.of(TestNets.shipped("layers-18pct", 32));
        assertEquals(24.9, Math.round(f.forwardPerImage() / 1e5) / 10.0);
        assertEquals(74.6, Math.round(f.trainPerImage() / 1e5) / 10.0);
        assertEquals(2L * 8 * 8 * 64 * 32 * 25 + 8 * 8 * 64, byLayer(f).get("conv3"));
    }

    @Test
    void aSmallFcNetCountsItsProductAndBias() {
        NetFlops f = NetFlops.of(TestNets.of("[data]\ntype=data\ndataIdx=0\n\n[fc1]\ntype=fc\ninputs=data\noutputs=4\n"
                + "initW=0.01\n", "[fc1]\nepsW=0\nepsB=0\nmomW=0\nmomB=0\n", 6));
        assertEquals(2L * 6 * 4 + 4, f.forwardPerImage());
        assertTrue(f.uncounted().isEmpty());
    }
}
