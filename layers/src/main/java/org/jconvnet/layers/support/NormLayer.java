package org.jconvnet.layers.support;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jconvnet.api.config.ConfigSection;
import org.jconvnet.api.kernel.contract.Norm;
import org.jconvnet.api.layer.LayerConfig;
import org.jconvnet.api.layer.LayerRun;
import org.jconvnet.api.layer.ScratchSpec;
import org.jconvnet.api.tensor.ImageShape;
import org.jconvnet.api.tensor.Tensor;

/**
 * The three normalisation layers, which share keys and kernel arguments (cuda-convnet.md §3.6 to §3.8):
 * {@code channels}, {@code size} in the definition; {@code scale}, {@code pow} and
 * {@code minDiv} (cuda-convnet2's key, default 1) in the layer parameters. The output has the
 * input's shape; the denominators (and for cnorm the mean differences) are kept for backward.
 */
public final class NormLayer extends BaseLayer {
    /** Scratch buffer of the denominators {@code d}. */
    public static final String DENOMS = "denoms";
    /** Scratch buffer of cnorm's {@code x - mean}. */
    public static final String MEAN_DIFFS = "meanDiffs";

    private final Norm.Shape contract;
    private final boolean meanDiffs;

    private NormLayer(String name, String type, String kind, ImageShape shape, int size, Boolean blocked,
                      double addScale, double pow, double minDiv, boolean meanDiffs) {
        super(name, type, shape.rows(), shape, imageMessage(kind, name, shape), List.of(), scratch(shape, meanDiffs));
        Norm.Kind normKind = Norm.Kind.valueOf(type.toUpperCase(java.util.Locale.ROOT));
        this.contract = new Norm.Shape(normKind, shape.channels(), shape.size(), size, blocked != null && blocked,
                addScale, pow, minDiv);
        this.meanDiffs = meanDiffs;
    }

    private static List<ScratchSpec> scratch(ImageShape shape, boolean meanDiffs) {
        List<ScratchSpec> s = new ArrayList<>();
        s.add(new ScratchSpec(DENOMS, shape.rows()));
        if (meanDiffs) {
            s.add(new ScratchSpec(MEAN_DIFFS, shape.rows()));
        }
        return s;
    }

    /**
     * Parses a cross-map ({@code cmrnorm}: window over maps, {@code a = scale/size}, key
     * {@code blocked}) or spatial ({@code rnorm}, {@code cnorm}: window over pixels,
     * {@code a = scale/size^2}) normalisation layer.
     *
     * @param c    the configuration
     * @param type {@code cmrnorm}, {@code rnorm} or {@code cnorm}
     * @param kind the word cuda-convnet's message uses, e.g. {@code cross-map response-normalization}
     */
    public static NormLayer configure(LayerConfig c, String type, String kind) {
        Inputs.count(c, 1, 1);
        ConfigSection d = c.definition();
        ImageShape shape = Inputs.image(c, 0, d.integer("channels"), "channels");
        int size = Inputs.atLeast(c, "size", d.integer("size"), 1);
        boolean crossMap = type.equals("cmrnorm");
        int limit = crossMap ? shape.channels() : shape.size();
        if (size > limit) {
            throw c.error("size", "size=" + size + " is larger than the " + (crossMap ? "number of channels" : "image side")
                    + " (" + limit + ")");
        }
        ConfigSection p = c.requireParams();
        double scale = p.real("scale");
        double pow = p.real("pow");
        double minDiv = p.real("minDiv", 1.0);
        if (minDiv <= 0) {
            throw p.error("minDiv", "must be positive (it keeps the denominator away from 0), got " + minDiv);
        }
        if (scale < 0) {
            throw p.error("scale", "must not be negative, got " + scale);
        }
        double addScale = crossMap ? scale / size : scale / ((double) size * size);
        Boolean blocked = crossMap ? d.bool("blocked", false) : null;
        return new NormLayer(c.name(), type, kind, shape, size, blocked, addScale, pow, minDiv, type.equals("cnorm"));
    }

    /** {@code scale/size} (cmrnorm) or {@code scale/size^2} (rnorm, cnorm). */
    public double addScale() {
        return contract.addScale();
    }

    private Tensor meanDiffs(LayerRun run) {
        return meanDiffs ? run.scratch(MEAN_DIFFS) : null;
    }

    @Override
    public void forward(LayerRun run) {
        run.launch(new Norm.Forward(contract, run.numCases(), run.input(0), run.output(), run.scratch(DENOMS),
                meanDiffs(run)));
    }

    @Override
    public void backward(LayerRun run) {
        Optional<Tensor> g = run.inputGrad(0);
        if (g.isPresent()) {
            run.launch(new Norm.BackwardInput(contract, run.numCases(), run.accumulate(0), run.input(0), run.output(),
                    run.scratch(DENOMS), meanDiffs(run), run.outputGrad(), g.get()));
        }
    }
}
