package org.jconvnet.layers.rnorm;

import static org.jconvnet.layers.support.Cases.gaussian;

import java.util.List;
import org.jconvnet.api.layer.LayerCase;
import org.jconvnet.layers.support.Cases;
import org.jconvnet.layers.support.NormLayerPlugin;

/**
 * {@code type=rnorm} (cuda-convnet.md §3.6): {@code y = x * (minDiv + scale/size^2 * sum over the
 * clipped size x size window of x^2)^-pow}, per map; the divisor stays {@code size^2} at borders.
 *
 * <p>Keys: {@code inputs} (one), {@code channels}, {@code size}; layer parameters {@code scale},
 * {@code pow}, {@code minDiv} (1). Checked: square input, {@code 1 <= size <= S},
 * {@code minDiv > 0}. Relaxed: cuda-convnet required channels below 4 or a multiple of 4 (and of
 * 16 for its backward kernel); any channel count works here.
 */
public final class RnormLayerPlugin extends NormLayerPlugin {

    /** The plugin ServiceLoader creates. */
    public RnormLayerPlugin() {
        super("rnorm", "response-normalization");
    }

    @Override
    public List<LayerCase> conformanceCases() {
        return List.of(
                Cases.of("18pct-rnorm1", "rnorm1", "type=rnorm\nchannels=32\nsize=3\n", "scale=0.00005\npow=.75\n",
                        List.of(gaussian(32 * 16 * 16)), 2, 601, Cases.NORM),
                Cases.of("size4-even-ch5", "n", "type=rnorm\nchannels=5\nsize=4\n", "scale=0.5\npow=0.75\n",
                        List.of(gaussian(5 * 7 * 7)), 3, 602, Cases.NORM),
                Cases.of("size3-batch1-mindiv2", "n", "type=rnorm\nchannels=3\nsize=3\n", "scale=0.5\npow=0.6\nminDiv=2\n",
                        List.of(gaussian(3 * 6 * 6)), 1, 603, Cases.NORM));
    }
}
