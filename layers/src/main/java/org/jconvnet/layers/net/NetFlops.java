package org.jconvnet.layers.net;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jconvnet.api.config.ConfigSection;
import org.jconvnet.api.layer.Layer;
import org.jconvnet.api.layer.ParamRole;
import org.jconvnet.api.layer.ParamSpec;
import org.jconvnet.layers.cfg.CfgFile;
import org.jconvnet.layers.cfg.CfgReader;
import org.jconvnet.layers.support.FilterGeometry;
import org.jconvnet.layers.support.FilterLayer;

/**
 * The floating-point operations of one image through a net, counted from the layer geometry, so
 * that a throughput in images/s becomes an achieved GFLOP/s comparable across backends and with
 * other frameworks running the same net. The counting rules (docs/performance.md repeats them):
 * <ul>
 *   <li>conv, local, fc: 2 per multiply-add of the filter or weight product (a padded conv counts
 *       the zero taps too, as a dense im2col product does), plus 1 per output for the bias;</li>
 *   <li>pool: 1 per window element per output ({@code sizeX²}, the nominal window);</li>
 *   <li>rnorm, cnorm, cmrnorm: {@code 2·size + 5} per output: the windowed sum of squares (a
 *       multiply-add per map of the cross-map window; for the spatial {@code size x size} window,
 *       as two separable passes of {@code size} each), then the scale, the {@code minDiv} add, the
 *       power (ln and exp) and the product with the input;</li>
 *   <li>neuron: 1 per element; eltsum and eltmax: 1 per input element; softmax: 3 per output
 *       (exp, sum, divide); data and cost layers: 0;</li>
 *   <li>a layer type not listed here (a plugin's) counts 0 and is named in {@link #uncounted()}.</li>
 * </ul>
 * Training counts {@code 3 x} forward: each layer's backward pass as two products the size of its
 * forward one (the gradient to its input and to its weights), the usual convention, which also
 * counts the first layer's input gradient although no layer consumes it.
 *
 * @param forwardPerImage forward FLOPs per image
 * @param perLayer        forward FLOPs per image of each layer, in execution order
 * @param uncounted       layers of a type these rules do not know, counted as 0
 */
public record NetFlops(long forwardPerImage, List<LayerFlops> perLayer, List<String> uncounted) {

    /** One layer's forward FLOPs per image. */
    public record LayerFlops(String layer, String type, long forward) {
    }

    /** The factor from forward to training (forward + both backward products). */
    public static final int TRAIN_FACTOR = 3;

    /** Training FLOPs per image: forward, backward to inputs, backward to weights. */
    public long trainPerImage() {
        return TRAIN_FACTOR * forwardPerImage;
    }

    /** Counts a parsed net. */
    public static NetFlops of(NetDefinition net) {
        CfgFile cfg = CfgReader.parse(net.layerDef().name(), net.layerDef().text());
        List<LayerFlops> rows = new ArrayList<>();
        List<String> uncounted = new ArrayList<>();
        long total = 0;
        for (Layer l : net.layers()) {
            Optional<ConfigSection> section = cfg.section(l.name());
            long f;
            switch (l.type()) {
                case "data", "cost.logreg", "cost.sum2" -> f = 0;
                case "conv", "local" -> {
                    if (l instanceof FilterLayer filter) {
                        f = filterProduct(filter) + l.outputs();
                    } else {
                        // A plugin that replaced the built-in type: its geometry is not ours to read.
                        f = 0;
                        uncounted.add(l.name() + " (" + l.type() + ")");
                    }
                }
                case "fc" -> f = 2 * weightElements(l) + l.outputs();
                case "pool" -> {
                    long sizeX = section.orElseThrow().integer("sizeX");
                    f = sizeX * sizeX * l.outputs();
                }
                case "rnorm", "cnorm", "cmrnorm" -> f = (2L * section.orElseThrow().integer("size") + 5) * l.outputs();
                case "neuron" -> f = l.outputs();
                case "eltsum", "eltmax" -> f = (long) net.inputsOf(l.name()).size() * l.outputs();
                case "softmax" -> f = 3L * l.outputs();
                default -> {
                    f = 0;
                    uncounted.add(l.name() + " (" + l.type() + ")");
                }
            }
            rows.add(new LayerFlops(l.name(), l.type(), f));
            total += f;
        }
        return new NetFlops(total, List.copyOf(rows), List.copyOf(uncounted));
    }

    /** 2 x the multiply-adds of a conv or local layer's filter products, over all its inputs. */
    private static long filterProduct(FilterLayer layer) {
        long flops = 0;
        for (int i = 0; i < layer.params().stream().filter(p -> p.role() == ParamRole.WEIGHTS).count(); i++) {
            FilterGeometry g = layer.geometry(i);
            long modules = (long) g.modulesX() * g.modulesX();
            flops += 2L * modules * g.filters() * g.filterChannels() * g.filterSize() * g.filterSize();
        }
        return flops;
    }

    private static long weightElements(Layer layer) {
        return layer.params().stream().filter(p -> p.role() == ParamRole.WEIGHTS).mapToLong(ParamSpec::size).sum();
    }
}
