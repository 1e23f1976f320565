package org.jconvnet.train.data;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jconvnet.api.JConvNetException;

/**
 * A cuda-convnet batch range: {@code a-b} (inclusive) or a single number, e.g. {@code 1-4},
 * {@code 5}, {@code 1-5}, {@code 6}. As an extension, comma-separated pieces ({@code 1-3,5}) are
 * accepted. Batches are visited in the order written (numeric order for {@code a-b}).
 *
 * @param text    the option value as given
 * @param batches the batch numbers in visiting order, without duplicates
 */
public record BatchRange(String text, List<Integer> batches) {

    /** Copies the list. */
    public BatchRange {
        batches = List.copyOf(batches);
    }

    /**
     * Parses a range.
     *
     * @param option the option name for errors, e.g. {@code --train-range}
     */
    public static BatchRange parse(String option, String text) {
        if (text == null || text.isBlank()) {
            throw new JConvNetException(option + ": empty batch range (expected e.g. 1-5 or 6)");
        }
        Set<Integer> out = new LinkedHashSet<>();
        for (String piece : text.split(",")) {
            String p = piece.trim();
            int dash = p.indexOf('-', 1);
            try {
                if (dash < 0) {
                    out.add(positive(option, text, Integer.parseInt(p)));
                } else {
                    int a = positive(option, text, Integer.parseInt(p.substring(0, dash).trim()));
                    int b = positive(option, text, Integer.parseInt(p.substring(dash + 1).trim()));
                    if (b < a) {
                        throw new JConvNetException(option + "=" + text + ": range " + p + " ends before it starts");
                    }
                    for (int i = a; i <= b; i++) {
                        out.add(i);
                    }
                }
            } catch (NumberFormatException e) {
                throw new JConvNetException(option + "=" + text + ": '" + p
                        + "' is not a batch number or a range like 1-5");
            }
        }
        return new BatchRange(text.trim(), new ArrayList<>(out));
    }

    private static int positive(String option, String text, int v) {
        if (v < 1) {
            throw new JConvNetException(option + "=" + text + ": batch numbers start at 1, got " + v);
        }
        return v;
    }

    /** Number of batches. */
    public int size() {
        return batches.size();
    }

    /** The i-th batch in visiting order. */
    public int get(int i) {
        return batches.get(i);
    }

    @Override
    public String toString() {
        return text;
    }
}
