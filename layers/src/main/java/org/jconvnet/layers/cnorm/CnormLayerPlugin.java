package org.jconvnet.layers.cnorm;

import static org.jconvnet.layers.support.Cases.gaussian;

import java.util.List;
import org.jconvnet.api.layer.LayerCase;
import org.jconvnet.layers.support.Cases;
import org.jconvnet.layers.support.NormLayerPlugin;

/**
 * {@code type=cnorm} (cuda-convnet.md §3.8): {@code m = x - mean} with each pixel's own clipped-window
 * mean, {@code d = minDiv + scale/size^2 * sum_window m^2}, {@code y = x * d^-pow}.
 *
 * <p><b>Gradient:</b> the {@code cnorm} kernels compute the exact gradient, including the
 * dependence of the local mean on the input. cuda-convnet's kernel ignored that term (a known bug,
 * cuda-convnet.md §10.8), so jconvnet's gradients differ from cuda-convnet's here, deliberately.
 *
 * <p>Keys: {@code inputs} (one), {@code channels}, {@code size}; layer parameters {@code scale},
 * {@code pow}, {@code minDiv} (1). Checks and relaxations as rnorm.
 */
public final class CnormLayerPlugin extends NormLayerPlugin {

    /** The plugin ServiceLoader creates. */
    public CnormLayerPlugin() {
        super("cnorm", "contrast-normalization");
    }

    @Override
    public List<LayerCase> conformanceCases() {
        return List.of(
                Cases.of("size3", "n", "type=cnorm\nchannels=4\nsize=3\n", "scale=0.5\npow=0.75\n",
                        List.of(gaussian(4 * 8 * 8)), 2, 701, Cases.NORM),
                Cases.of("size4-even-odd-image", "n", "type=cnorm\nchannels=3\nsize=4\n", "scale=0.5\npow=0.75\n",
                        List.of(gaussian(3 * 7 * 7)), 3, 702, Cases.NORM),
                Cases.of("size5-batch1-mindiv2", "n", "type=cnorm\nchannels=2\nsize=5\n", "scale=1\npow=0.5\nminDiv=2\n",
                        List.of(gaussian(2 * 5 * 5)), 1, 703, Cases.NORM));
    }
}
