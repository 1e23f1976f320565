package org.jconvnet.conformance.golden;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GoldenConfigTest {

    @Test
    void splitsCaseLayerAndParamsSections() {
        GoldenConfig g = GoldenConfig.parse("# comment\n[case]\nname=x\nlayer=rn\nnumCases=3\n\n[data]\ntype=data\ndataIdx=0\n\n"
                + "[rn]\ntype=rnorm\ninputs=data\nchannels=16\nsize=3\n\n[rn:params]\nscale=5e-05\npow=0.75\n");
        assertFalse(g.layersCfg().contains("[case]"));
        assertTrue(g.layersCfg().contains("[rn]\ntype=rnorm"));
        assertTrue(g.paramsCfg().startsWith("[rn]\nscale=5e-05"), g.paramsCfg());
        assertEquals("rn", g.get("case", "layer"));
        assertEquals("3", g.get("case", "numcases"));
        assertEquals(List.of(Map.entry("data", 0)), g.dataSections());
    }

    @Test
    void weightLayersGetLearningParamsPerInput() {
        GoldenConfig g = GoldenConfig.parse("[case]\nlayer=fc\n[data0]\ntype=data\ndataIdx=0\n[data1]\ntype=data\ndataIdx=1\n"
                + "[fc]\ntype=fc\ninputs=data0,data1\noutputs=16\n");
        assertTrue(g.paramsCfg().contains("[fc]\nepsW=0.001,0.001\nepsB=0.002\nmomW=0,0\nmomB=0\nwc=0,0"), g.paramsCfg());
    }
}
