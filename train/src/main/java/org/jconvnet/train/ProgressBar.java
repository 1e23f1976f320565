package org.jconvnet.train;

import java.io.PrintStream;
import java.util.Locale;

/**
 * A one-line progress bar on a terminal stream (stderr): redrawn in place with a carriage return,
 * at most every 100 ms, finished with a newline or cleared. Used for data batches and downloads.
 *
 * <p>Drawn in place only on a terminal: on a pipe or a file the redraws would pile up as one
 * endless line, so a bar made with {@code inPlace = false} draws nothing while running and
 * {@link #finish} writes one plain line.
 */
public final class ProgressBar {
    private static final int WIDTH = 30;
    private final PrintStream out;
    private final String label;
    private final long total;
    private final boolean inPlace;
    private final long startNanos = System.nanoTime();
    private long lastDraw;
    private int lastLength;

    /**
     * @param out   where to draw (normally {@code System.err})
     * @param label text before the bar
     * @param total the amount that means 100%, or a value <= 0 when unknown
     */
    public ProgressBar(PrintStream out, String label, long total) {
        this(out, label, total, true);
    }

    /**
     * @param out     where to draw
     * @param label   text before the bar
     * @param total   the amount that means 100%, or a value <= 0 when unknown
     * @param inPlace whether {@code out} is a terminal, so that the bar may be redrawn in place
     */
    public ProgressBar(PrintStream out, String label, long total, boolean inPlace) {
        this.out = out;
        this.label = label;
        this.total = total;
        this.inPlace = inPlace;
    }

    /** Seconds since the bar was created. */
    public double elapsedSeconds() {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    /**
     * Redraws the bar for {@code done} units with a free-form suffix (rates, costs); throttled
     * unless {@code force}.
     */
    public void update(long done, String suffix, boolean force) {
        if (!inPlace) {
            return;
        }
        long now = System.nanoTime();
        if (!force && now - lastDraw < 100_000_000L) {
            return;
        }
        lastDraw = now;
        StringBuilder sb = new StringBuilder("\r").append(label).append(' ');
        if (total > 0) {
            double f = Math.min(1, done / (double) total);
            int filled = (int) Math.round(f * WIDTH);
            sb.append('[').append("#".repeat(filled)).append(".".repeat(WIDTH - filled)).append("] ")
                    .append(String.format(Locale.ROOT, "%3.0f%%", 100 * f));
            double el = elapsedSeconds();
            if (done > 0 && f < 1) {
                sb.append(" ETA ").append(formatSeconds(el * (total - done) / done));
            }
        }
        if (suffix != null && !suffix.isEmpty()) {
            sb.append(' ').append(suffix);
        }
        int len = sb.length();
        if (len < lastLength) {
            sb.append(" ".repeat(lastLength - len));
        }
        lastLength = len;
        out.print(sb);
        out.flush();
    }

    /** Draws the final state and ends the line. */
    public void finish(long done, String suffix) {
        if (inPlace) {
            update(done, suffix, true);
            out.println();
        } else {
            out.println(label + (suffix == null || suffix.isEmpty() ? "" : " " + suffix));
        }
        out.flush();
    }

    /** Erases the bar from its line (when it was drawn), leaving the cursor at the line's start. */
    public void clear() {
        if (inPlace && lastLength > 0) {
            out.print("\r" + " ".repeat(lastLength) + "\r");
            out.flush();
            lastLength = 0;
        }
    }

    /** {@code 1h02m}, {@code 3m05s} or {@code 12s}. */
    public static String formatSeconds(double s) {
        long t = Math.round(s);
        if (t >= 3600) {
            return String.format(Locale.ROOT, "%dh%02dm", t / 3600, t % 3600 / 60);
        }
        if (t >= 60) {
            return String.format(Locale.ROOT, "%dm%02ds", t / 60, t % 60);
        }
        return t + "s";
    }
}
