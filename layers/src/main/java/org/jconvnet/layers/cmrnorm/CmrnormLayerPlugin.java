package org.jconvnet.layers.cmrnorm;

import static org.jconvnet.layers.support.Cases.gaussian;

import java.util.List;
import org.jconvnet.api.layer.LayerCase;
import org.jconvnet.layers.support.Cases;
import org.jconvnet.layers.support.NormLayerPlugin;

/**
 * {@code type=cmrnorm} (cuda-convnet.md §3.7): {@code y_f = x_f * (minDiv + scale/size * sum_{g in W(f)} x_g^2)^-pow}
 * with the window W(f) of {@code size} maps around f (one more below than above for even sizes),
 * or non-overlapping blocks of {@code size} maps when {@code blocked=1}.
 *
 * <p>Keys: {@code inputs} (one), {@code channels}, {@code size}, {@code blocked} (0); layer
 * parameters {@code scale}, {@code pow}, and {@code minDiv} (default 1; cuda-convnet2's key,
 * cuda-convnet 1 always used 1). Checked: square input of {@code channels} maps,
 * {@code 1 <= size <= channels}, {@code minDiv > 0}. Relaxed: cuda-convnet required channels to
 * be a multiple of 16 and size at least 2; neither matters to the arithmetic.
 */
public final class CmrnormLayerPlugin extends NormLayerPlugin {

    /** The plugin ServiceLoader creates. */
    public CmrnormLayerPlugin() {
        super("cmrnorm", "cross-map response-normalization");
    }

    @Override
    public List<LayerCase> conformanceCases() {
        String p = "scale=0.001\npow=0.75\n";
        return List.of(
                Cases.of("seed-rnorm1", "rnorm1", "type=cmrnorm\nchannels=64\nsize=9\n", p,
                        List.of(gaussian(64 * 16 * 16)), 2, 501, Cases.NORM),
                Cases.of("cropped-rnorm2", "rnorm2", "type=cmrnorm\nchannels=64\nsize=9\n", p,
                        List.of(gaussian(64 * 12 * 12)), 3, 502, Cases.NORM),
                Cases.of("size4-even", "n", "type=cmrnorm\nchannels=8\nsize=4\n", "scale=0.5\npow=0.75\n",
                        List.of(gaussian(8 * 5 * 5)), 3, 503, Cases.NORM),
                Cases.of("size5-blocked-ch13", "n", "type=cmrnorm\nchannels=13\nsize=5\nblocked=1\n", "scale=0.5\npow=0.75\n",
                        List.of(gaussian(13 * 4 * 4)), 1, 504, Cases.NORM),
                Cases.of("size6-mindiv2", "n", "type=cmrnorm\nchannels=10\nsize=6\n", "scale=0.5\npow=0.75\nminDiv=2\n",
                        List.of(gaussian(10 * 3 * 3)), 5, 505, Cases.NORM));
    }
}
