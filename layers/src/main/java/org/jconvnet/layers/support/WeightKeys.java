package org.jconvnet.layers.support;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.jconvnet.api.config.ConfigSection;
import org.jconvnet.api.layer.LayerConfig;
import org.jconvnet.api.layer.LearningParams;
import org.jconvnet.api.layer.LearningRate;

/**
 * The keys every weight layer (conv, local, fc) shares: initialisation in the layer-definition
 * file and the SGD hyper-parameters in the layer-parameter file (cuda-convnet.md §4.4 and §5.3).
 *
 * <p>{@code epsW}, {@code epsB}, {@code momW}, {@code momB} are required, as in cuda-convnet;
 * {@code wc} defaults to 0 when absent (cuda-convnet2's default; cuda-convnet 1 required it). The
 * learning rates may be cuda-convnet2 schedules such as {@code linear[0.01;0.1]}.
 */
public final class WeightKeys {
    private WeightKeys() {
    }

    /**
     * Refuses the cuda-convnet features jconvnet does not implement yet, with a clear message:
     * {@code weightSource} (weight sharing), {@code randSparse} (random sparse connectivity) and
     * the Python initialisation hooks.
     */
    public static void rejectUnsupported(LayerConfig c) {
        ConfigSection d = c.definition();
        for (String v : d.stringList("weightSource", List.of())) {
            if (!v.isBlank()) {
                throw c.error("weightSource", "weight sharing (weightSource=" + d.string("weightSource")
                        + ") is not supported by jconvnet yet; remove the key to give this layer its own weights");
            }
        }
        for (String v : d.stringList("randSparse", List.of())) {
            String t = v.strip().toLowerCase(java.util.Locale.ROOT);
            if (t.equals("true") || t.equals("1")) {
                throw c.error("randSparse", "random sparse connectivity (randSparse=" + d.string("randSparse")
                        + ") is not supported by jconvnet yet; use groups= for block-sparse filters");
            }
        }
        for (String key : List.of("initWFunc", "initBFunc", "initCFunc")) {
            if (!d.string(key, "").isBlank()) {
                throw c.error(key, "initialisation by a Python function is not supported by jconvnet; use initW/initB");
            }
        }
    }

    /** {@code initW}, one standard deviation per input (required unless {@code def} is given). */
    public static List<Double> initW(LayerConfig c, int inputs, Double def) {
        ConfigSection d = c.definition();
        List<Double> v = def == null || d.has("initW") ? d.realList("initW")
                : Collections.nCopies(inputs, def);
        d.perInput("initW", v, inputs);
        for (double s : v) {
            if (s < 0) {
                throw c.error("initW", "is a standard deviation and must not be negative, got " + s);
            }
        }
        return v;
    }

    /** {@code initB}, the constant initial bias (default 0). */
    public static double initB(LayerConfig c) {
        return c.definition().real("initB", 0);
    }

    /** The per-input weight learning parameters: {@code epsW}, {@code momW}, {@code wc}. */
    public static List<LearningParams> weightLearning(LayerConfig c, int inputs) {
        ConfigSection p = c.requireParams();
        List<String> eps = p.perInput("epsW", p.stringList("epsW"), inputs);
        List<Double> mom = p.perInput("momW", p.realList("momW"), inputs);
        List<Double> wc = p.perInput("wc", p.realList("wc", Collections.nCopies(inputs, 0.0)), inputs);
        List<LearningParams> out = new ArrayList<>();
        for (int i = 0; i < inputs; i++) {
            out.add(new LearningParams(LearningRate.parse(p, "epsW", eps.get(i)), mom.get(i), wc.get(i)));
        }
        return out;
    }

    /** The bias learning parameters: {@code epsB}, {@code momB}; never any weight decay. */
    public static LearningParams biasLearning(LayerConfig c) {
        ConfigSection p = c.requireParams();
        return new LearningParams(LearningRate.parse(p, "epsB", p.string("epsB")), p.real("momB"), 0);
    }
}
