package org.jconvnet.layers.support;

import org.jconvnet.api.ApiVersion;
import org.jconvnet.api.layer.Layer;
import org.jconvnet.api.layer.LayerConfig;
import org.jconvnet.api.layer.LayerPlugin;

/**
 * Base of the three normalisation layer plugins ({@code cmrnorm}, {@code rnorm}, {@code cnorm}).
 * They parse the same keys through {@link NormLayer#configure}, so a subclass names only its type,
 * the word cuda-convnet's init message uses for it, and its conformance cases.
 */
public abstract class NormLayerPlugin implements LayerPlugin {
    private final String type;
    private final String kind;

    /**
     * @param type {@code cmrnorm}, {@code rnorm} or {@code cnorm}
     * @param kind the word cuda-convnet's message uses, e.g. {@code cross-map response-normalization}
     */
    protected NormLayerPlugin(String type, String kind) {
        this.type = type;
        this.kind = kind;
    }

    @Override
    public final int apiVersion() {
        return ApiVersion.CURRENT;
    }

    @Override
    public final String type() {
        return type;
    }

    @Override
    public final Layer configure(LayerConfig c) {
        return NormLayer.configure(c, type, kind);
    }
}
