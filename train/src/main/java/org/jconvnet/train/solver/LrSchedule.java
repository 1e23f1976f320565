package org.jconvnet.train.solver;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A learning-rate schedule by epoch, {@code --lr-schedule}: a list of {@code EPOCHS:FACTOR} steps,
 * each meaning "after EPOCHS epochs, every {@code epsW} and {@code epsB} of the layer-params file is
 * multiplied by FACTOR". cuda-convnet's users lowered their rates by editing the layer-params file
 * and resuming; this is the same change without the edit, written as the cfg files' comments say it:
 * layers-18pct's "divide every rate by 10 after 120 epochs and again after 10 more" is
 * {@code 120:0.1,130:0.01}. Before the first step the factor is 1.
 *
 * <p>Text form: {@code none} (no schedule: the file's rates throughout), or steps separated by
 * commas, each a whole number of epochs (0 or more, strictly increasing) and a factor (a finite
 * number above 0; not cumulative: {@code 130:0.01} means a hundredth of the file's rate, not a tenth
 * of the previous step's). Step EPOCHS applies from the first batch of epoch EPOCHS+1 on.
 *
 * <p>Immutable.
 */
public final class LrSchedule {
    /** The text of the empty schedule. */
    public static final String NONE = "none";

    private static final java.util.regex.Pattern DECIMAL =
            java.util.regex.Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");
    private static final LrSchedule EMPTY = new LrSchedule(List.of(), NONE);

    private final List<Step> steps;
    private final String text;

    /**
     * One step of the schedule.
     *
     * @param after  the number of epochs after which it applies (from epoch {@code after + 1} on)
     * @param factor the multiplier of every layer's learning rates from then on
     */
    public record Step(int after, double factor) {
    }

    private LrSchedule(List<Step> steps, String text) {
        this.steps = List.copyOf(steps);
        this.text = text;
    }

    /** No schedule: every rate is the layer-params file's. */
    public static LrSchedule none() {
        return EMPTY;
    }

    /**
     * Parses the text form.
     *
     * @throws IllegalArgumentException naming the offending piece when the text is not a schedule
     */
    public static LrSchedule parse(String text) {
        String t = text == null ? "" : text.trim();
        if (t.equalsIgnoreCase(NONE)) {
            return EMPTY;
        }
        if (t.isEmpty()) {
            throw new IllegalArgumentException("empty schedule; give EPOCHS:FACTOR[,EPOCHS:FACTOR...] (e.g. 120:0.1,130:0.01) "
                    + "or " + NONE);
        }
        List<Step> steps = new ArrayList<>();
        for (String piece : t.split(",", -1)) {
            Step s = step(piece.trim());
            if (!steps.isEmpty() && s.after() <= steps.get(steps.size() - 1).after()) {
                throw new IllegalArgumentException("the epochs must increase: " + s.after() + " comes after "
                        + steps.get(steps.size() - 1).after());
            }
            steps.add(s);
        }
        return new LrSchedule(steps, steps.stream().map(LrSchedule::format).collect(Collectors.joining(",")));
    }

    private static Step step(String piece) {
        int colon = piece.indexOf(':');
        if (colon < 0) {
            throw new IllegalArgumentException("'" + piece + "' is not EPOCHS:FACTOR (e.g. 120:0.1)");
        }
        String epochs = piece.substring(0, colon).trim();
        String factor = piece.substring(colon + 1).trim();
        int after;
        try {
            after = Integer.parseInt(epochs);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + epochs + "' in '" + piece + "' is not a whole number of epochs");
        }
        if (after < 0) {
            throw new IllegalArgumentException("the epochs in '" + piece + "' must be 0 or more");
        }
        // Plain decimals only: Double.parseDouble would also take "NaN", "Infinity", hex floats and "0.1f".
        if (!DECIMAL.matcher(factor).matches()) {
            throw new IllegalArgumentException("'" + factor + "' in '" + piece + "' is not a number");
        }
        double f = Double.parseDouble(factor);
        if (!(f > 0) || !Double.isFinite(f)) {
            throw new IllegalArgumentException("the factor in '" + piece + "' must be a finite number above 0");
        }
        return new Step(after, f);
    }

    /** The steps, in epoch order; empty for no schedule. */
    public List<Step> steps() {
        return steps;
    }

    /** Whether this is no schedule at all. */
    public boolean isEmpty() {
        return steps.isEmpty();
    }

    /** The largest EPOCHS of the steps; 0 for no schedule. */
    public int lastStepEpochs() {
        return steps.isEmpty() ? 0 : steps.get(steps.size() - 1).after();
    }

    /**
     * The factor for a batch of epoch {@code epoch} (1-based): that of the last step whose EPOCHS is
     * below {@code epoch}, else 1.
     */
    public double factorAt(int epoch) {
        double f = 1.0;
        for (Step s : steps) {
            if (s.after() < epoch) {
                f = s.factor();
            }
        }
        return f;
    }

    /**
     * {@code eps} times {@code factor}, rounded once from the exact product of their decimal forms:
     * so a scheduled rate is bit for bit the rate of a layer-params file edited to hold the product
     * ({@code 0.003 x 0.1} gives the double of {@code 0.0003}, where a double multiplication would
     * give {@code 3.0000000000000003E-4}), and a scheduled run equals a hand-edited, resumed one.
     */
    public static double scale(double eps, double factor) {
        if (factor == 1.0 || eps == 0.0 || !Double.isFinite(eps)) {
            return eps * factor;
        }
        return new BigDecimal(Double.toString(eps)).multiply(new BigDecimal(Double.toString(factor))).doubleValue();
    }

    /** The canonical text form ({@code none}, or the steps with their factors written plainly). */
    public String text() {
        return text;
    }

    /** A factor as people write it: {@code 1}, {@code 0.1}, {@code 1.0E-4} as {@code 0.0001}. */
    public static String formatFactor(double f) {
        return BigDecimal.valueOf(f).stripTrailingZeros().toPlainString();
    }

    private static String format(Step s) {
        return s.after() + ":" + formatFactor(s.factor());
    }

    /** In words, for the start of a run: {@code rates x0.1 from epoch 121, x0.01 from epoch 131}. */
    public String describe() {
        if (steps.isEmpty()) {
            return "the layer-params rates throughout";
        }
        return "rates x" + steps.stream().map(s -> formatFactor(s.factor()) + " from epoch " + (s.after() + 1))
                .collect(Collectors.joining(", x"));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LrSchedule other && steps.equals(other.steps);
    }

    @Override
    public int hashCode() {
        return steps.hashCode();
    }

    @Override
    public String toString() {
        return text;
    }
}
