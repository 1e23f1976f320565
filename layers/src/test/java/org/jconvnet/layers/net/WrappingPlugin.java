package org.jconvnet.layers.net;

import java.util.function.UnaryOperator;
import org.jconvnet.api.layer.Layer;
import org.jconvnet.api.layer.LayerConfig;
import org.jconvnet.api.layer.LayerPlugin;

/** A layer plugin that configures layers as {@code inner} does, then wraps each one (tests only). */
final class WrappingPlugin implements LayerPlugin {
    private final LayerPlugin inner;
    private final UnaryOperator<Layer> wrap;

    WrappingPlugin(LayerPlugin inner, UnaryOperator<Layer> wrap) {
        this.inner = inner;
        this.wrap = wrap;
    }

    @Override
    public int apiVersion() {
        return inner.apiVersion();
    }

    @Override
    public String type() {
        return inner.type();
    }

    @Override
    public Layer configure(LayerConfig config) {
        return wrap.apply(inner.configure(config));
    }
}
