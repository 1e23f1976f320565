package org.jconvnet.layers.conv;

import java.util.List;
import org.jconvnet.api.ApiVersion;
import org.jconvnet.api.layer.Layer;
import org.jconvnet.api.layer.LayerCase;
import org.jconvnet.api.layer.LayerConfig;
import org.jconvnet.api.layer.LayerPlugin;
import org.jconvnet.layers.support.FilterLayer;

/**
 * {@code type=conv} (cuda-convnet.md §3.2): cross-correlation with shared filters, optional zero
 * padding, stride and block-sparse groups ({@code filters} is per group), one filter bank per
 * input with the results summed, then shared ({@code sharedBiases=1}) or per-module biases.
 *
 * <p>Keys (layer definition): {@code inputs}, {@code channels}, {@code filters},
 * {@code filterSize}, {@code padding} (0), {@code stride} (1), {@code groups} (1), {@code initW},
 * {@code initB} (0), {@code partialSum} (optional, ignored: a performance knob),
 * {@code sharedBiases} (1); per-input lists where cuda-convnet has them. Layer parameters:
 * {@code epsW}, {@code epsB}, {@code momW}, {@code momB}, {@code wc} (0).
 *
 * <p>Checked as in cuda-convnet: a square input of exactly {@code channels} maps,
 * {@code groups} dividing {@code channels}, {@code filterSize <= S + 2*padding},
 * {@code stride <= filterSize}, equal output shapes over all inputs. Relaxed on purpose, because
 * they only served cuda-convnet's GPU kernels: {@code channels} need not be 1, 2, 3 or a multiple
 * of 4, filters per group need not be a multiple of 16, {@code partialSum} need not divide the
 * module count. Not supported yet (refused with a message): {@code weightSource},
 * {@code randSparse}, {@code initWFunc}/{@code initBFunc}/{@code initCFunc}.
 */
public final class ConvLayerPlugin implements LayerPlugin {

    @Override
    public int apiVersion() {
        return ApiVersion.CURRENT;
    }

    @Override
    public String type() {
        return "conv";
    }

    @Override
    public Layer configure(LayerConfig config) {
        return FilterLayer.configure(config, false);
    }

    @Override
    public List<LayerCase> conformanceCases() {
        return ConvCases.all();
    }
}
