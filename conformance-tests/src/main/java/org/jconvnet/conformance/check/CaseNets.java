package org.jconvnet.conformance.check;

import org.jconvnet.api.layer.DataDims;
import org.jconvnet.api.layer.LayerCase;
import org.jconvnet.api.layer.LayerPluginRegistry;
import org.jconvnet.layers.net.NetDefinition;
import org.jconvnet.layers.net.NetSource;

/** Builds the net of a {@link LayerCase}. */
public final class CaseNets {
    private CaseNets() {
    }

    /**
     * Parses and validates the case's net. Unused layers are allowed: a case net need not end in a
     * cost layer, since the suite drives backward from a given output gradient.
     */
    public static NetDefinition load(String type, LayerCase c, LayerPluginRegistry plugins) {
        String base = "conformance case " + type + "/" + c.name();
        DataDims dims = idx -> {
            if (idx < 0 || idx >= c.inputs().size()) {
                throw new IllegalArgumentException(base + " declares " + c.inputs().size()
                        + " input(s), so it has no data index " + idx);
            }
            return c.inputs().get(idx).dims();
        };
        return NetDefinition.load(new NetSource(base + " (layers)", c.layersCfg()),
                new NetSource(base + " (params)", c.paramsCfg()), dims, plugins,
                new NetDefinition.Options(true));
    }
}
