package org.jconvnet.api.layer;

import java.util.Locale;
import org.jconvnet.api.config.ConfigSection;

/**
 * A learning rate that may change with training progress: cuda-convnet's plain number, or one of
 * cuda-convnet2's schedules (cuda-convnet.md §9): {@code const[base]}, {@code linear[base;tgtFactor]},
 * {@code exp[base;tgtFactor]}, {@code dexp[base;tgtFactor;numSteps]}.
 *
 * @param kind      {@code const}, {@code linear}, {@code exp} or {@code dexp}
 * @param base      the rate at progress 0
 * @param tgtFactor the rate at progress 1 is {@code base*tgtFactor}
 * @param numSteps  number of discrete steps for {@code dexp}
 */
public record LearningRate(String kind, double base, double tgtFactor, int numSteps) {

    /**
     * A constant rate.
     *
     * @param base the rate
     * @return a constant rate
     */
    public static LearningRate constant(double base) {
        return new LearningRate("const", base, 1, 1);
    }

    /**
     * The rate at training progress {@code p} in [0, 1] (batches done / total batches).
     * {@code linear} interpolates to {@code base*tgtFactor}; {@code exp} decays geometrically;
     * {@code dexp} decays geometrically in {@code numSteps} discrete steps.
     *
     * @param p the training progress in [0, 1]
     * @return the rate at {@code p}
     */
    public double at(double p) {
        double q = Math.max(0, Math.min(1, p));
        switch (kind) {
            case "linear":
                return base * (1 - q) + base * tgtFactor * q;
            case "exp":
                return base * Math.pow(tgtFactor, q);
            case "dexp":
                // numSteps equal slices of progress; slice i uses base*tgtFactor^(i/(numSteps-1)).
                if (numSteps <= 1) {
                    return base;
                }
                int step = Math.min(numSteps - 1, (int) Math.floor(q * numSteps));
                return base * Math.pow(tgtFactor, step / (double) (numSteps - 1));
            default:
                return base;
        }
    }

    /** {@return whether this rate is zero throughout (the layer is frozen and its gradient skipped)} */
    public boolean isZero() {
        return base == 0;
    }

    /**
     * Parses {@code key} of a layer-params section: a number, or a schedule as above.
     *
     * @param section the section, for error messages
     * @param key the key, for error messages
     * @param raw the key's raw value
     * @return the rate
     * @throws org.jconvnet.api.config.ConfigException naming file, section and key
     */
    public static LearningRate parse(ConfigSection section, String key, String raw) {
        String v = raw.trim();
        int open = v.indexOf('[');
        if (open < 0) {
            return constant(section.with(key, v).real(key));
        }
        if (!v.endsWith("]")) {
            throw section.error(key, "unterminated learning-rate schedule '" + raw + "'");
        }
        String kind = v.substring(0, open).trim().toLowerCase(Locale.ROOT);
        String[] args = v.substring(open + 1, v.length() - 1).split(";", -1);
        int want;
        switch (kind) {
            case "const": want = 1; break;
            case "linear": case "exp": want = 2; break;
            case "dexp": want = 3; break;
            default:
                throw section.error(key, "unknown learning-rate schedule '" + kind
                        + "'; known: const[base], linear[base;tgtFactor], exp[base;tgtFactor], dexp[base;tgtFactor;numSteps]");
        }
        if (args.length != want) {
            throw section.error(key, kind + " takes " + want + " ';'-separated argument(s), got '" + raw + "'");
        }
        double[] a = new double[want];
        for (int i = 0; i < want; i++) {
            a[i] = section.with(key, args[i]).real(key);
        }
        return new LearningRate(kind, a[0], want > 1 ? a[1] : 1, want > 2 ? (int) a[2] : 1);
    }

    @Override
    public String toString() {
        switch (kind) {
            case "const": return Double.toString(base);
            case "dexp": return "dexp[" + base + ";" + tgtFactor + ";" + numSteps + "]";
            default: return kind + "[" + base + ";" + tgtFactor + "]";
        }
    }
}
