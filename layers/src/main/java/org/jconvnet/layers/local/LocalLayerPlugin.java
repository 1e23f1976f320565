package org.jconvnet.layers.local;

import java.util.List;
import org.jconvnet.api.ApiVersion;
import org.jconvnet.api.layer.Layer;
import org.jconvnet.api.layer.LayerCase;
import org.jconvnet.api.layer.LayerConfig;
import org.jconvnet.api.layer.LayerPlugin;
import org.jconvnet.layers.support.FilterLayer;

/**
 * {@code type=local} (cuda-convnet.md §3.3): like conv, but every output module (my, mx) has its own
 * filter bank, so the weights of an input are {@code (M*M*Cf*fs*fs) x F}, module-major, and
 * biases are always one per (filter, module).
 *
 * <p>Keys: those of conv without {@code partialSum} and {@code sharedBiases}. Checks and
 * relaxations are those of conv (channels need not be a multiple of 4, filters per group need not
 * be a multiple of 16).
 */
public final class LocalLayerPlugin implements LayerPlugin {

    @Override
    public int apiVersion() {
        return ApiVersion.CURRENT;
    }

    @Override
    public String type() {
        return "local";
    }

    @Override
    public Layer configure(LayerConfig config) {
        return FilterLayer.configure(config, true);
    }

    @Override
    public List<LayerCase> conformanceCases() {
        return LocalCases.all();
    }
}
