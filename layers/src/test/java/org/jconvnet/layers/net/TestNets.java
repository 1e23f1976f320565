package org.jconvnet.layers.net;

import org.jconvnet.api.layer.DataDims;
import org.jconvnet.api.layer.LayerPluginRegistry;

/** Loading helpers for tests. */
public final class TestNets {
    /** The built-in plugins, found through ServiceLoader as applications find them. */
    public static final LayerPluginRegistry PLUGINS = LayerPluginRegistry.discover(TestNets.class.getClassLoader());

    private TestNets() {
    }

    /** A shipped net on CIFAR images of {@code imageSize}. */
    public static NetDefinition shipped(String name, int imageSize) {
        return NetDefinition.load(NetCatalog.layerDef(name), NetCatalog.layerParamsFor(name), DataDims.cifar(imageSize),
                PLUGINS, NetDefinition.Options.strict());
    }

    /** A net from text; data matrix i has dims[i] rows; unused layers allowed. */
    public static NetDefinition of(String def, String params, int... dims) {
        return NetDefinition.load(new NetSource("layers.cfg", def), new NetSource("layer-params.cfg", params),
                idx -> {
                    if (idx >= dims.length) {
                        throw new IllegalArgumentException("the test provider has " + dims.length + " data matrices, not " + (idx + 1));
                    }
                    return dims[idx];
                }, PLUGINS, NetDefinition.Options.allowingUnusedLayers());
    }

    /** Like {@link #of} but with cuda-convnet's strict rules. */
    public static NetDefinition strict(String def, String params, int... dims) {
        return NetDefinition.load(new NetSource("layers.cfg", def), new NetSource("layer-params.cfg", params),
                idx -> dims[idx], PLUGINS, NetDefinition.Options.strict());
    }
}
