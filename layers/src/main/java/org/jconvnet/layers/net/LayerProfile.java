package org.jconvnet.layers.net;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Where a {@link Net}'s time goes: wall time per layer and phase (forward, backward, and the
 * solver's update, labelled sgd), summed over the passes run while the profile was attached with
 * {@link Net#profileWith}.
 *
 * <p>The net synchronises the backend before and after every timed layer, so each entry is the
 * layer's own device time plus launch overhead, not overlapped with its neighbours; a profiled
 * pass is therefore slower than an unprofiled one, and only the shares are meaningful.
 *
 * <p>Not thread-safe.
 */
public final class LayerProfile {
    /** What a timed call did. */
    public enum Phase {
        /** The layer's forward pass. */
        FORWARD,
        /** The layer's backward pass (input and parameter gradients). */
        BACKWARD,
        /** The solver's update of the layer's parameters, timed through {@link Net#timeUpdate}. */
        SGD;

        String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** One layer and phase: its layer type, total time in nanoseconds and number of calls. */
    public record Entry(String layer, String type, Phase phase, long nanos, int calls) {
    }

    private final Map<String, Entry> entries = new LinkedHashMap<>();

    /** Adds one timed call. */
    void add(String layer, String type, Phase phase, long nanos) {
        entries.merge(layer + "/" + phase, new Entry(layer, type, phase, nanos, 1),
                (a, b) -> new Entry(a.layer(), a.type(), a.phase(), a.nanos() + b.nanos(), a.calls() + b.calls()));
    }

    /** Every entry, slowest first. */
    public List<Entry> entries() {
        List<Entry> list = new ArrayList<>(entries.values());
        list.sort(Comparator.comparingLong(Entry::nanos).reversed());
        return list;
    }

    /** The sum of every entry's time, in nanoseconds. */
    public long totalNanos() {
        return entries.values().stream().mapToLong(Entry::nanos).sum();
    }

    /**
     * Prints a table of the entries, slowest first, with milliseconds per pass and the share of the
     * total; {@code passes} divides the totals.
     */
    public void print(PrintStream out, int passes) {
        long total = Math.max(1, totalNanos());
        out.println(String.format(Locale.ROOT, "  %-16s  %-11s  %-8s  %10s  %6s", "LAYER", "TYPE", "PHASE", "MS/PASS", "SHARE"));
        for (Entry e : entries()) {
            out.println(String.format(Locale.ROOT, "  %-16s  %-11s  %-8s  %10.3f  %5.1f%%", e.layer(), e.type(),
                    e.phase().label(), e.nanos() / 1e6 / passes, 100.0 * e.nanos() / total));
        }
        out.println(String.format(Locale.ROOT, "  %-16s  %-11s  %-8s  %10.3f  %5.1f%%", "total", "", "",
                total / 1e6 / passes, 100.0));
    }
}
