package org.jconvnet.train.bench;

import java.io.PrintStream;
import java.util.Locale;

/** The table {@code jconvnet bench} prints while it measures: one row per backend and net. */
public final class BenchTable {
    /** DEVICE comes last so that it is printed whole however long the device's name is. */
    private static final String FORMAT = "%-8s  %-28s  %5s  %9s  %-19s  %9s  %8s  %6s  %5s  %s";
    private final PrintStream out;

    /** Prints to {@code out}, flushing after every line so that slow runs show progress. */
    public BenchTable(PrintStream out) {
        this.out = out;
    }

    /** The host's peak, then the column titles. */
    public void header(Peaks.Peak hostPeak) {
        out.println("host sgemm peak: " + (Double.isNaN(hostPeak.gflops()) ? ""
                : String.format(Locale.ROOT, "%.1f GFLOP/s, ", hostPeak.gflops())) + hostPeak.source());
        line(String.format(Locale.ROOT, FORMAT, "BACKEND", "NET", "N", "IMAGES/S", "(MIN-MAX)", "FWD IMG/S",
                "GFLOP/S", "%PEAK", "RATIO", "DEVICE"));
    }

    /** One measured row; RATIO is its training images/s over {@code first}'s, the first backend on the same net. */
    public void row(BenchResult r, BenchResult first) {
        String spread = String.format(Locale.ROOT, "(%.1f-%.1f)", r.trainImagesPerSMin(), r.trainImagesPerSMax());
        String share = Double.isNaN(r.trainShareOfPeak()) ? "?" : String.format(Locale.ROOT, "%.1f", 100 * r.trainShareOfPeak());
        line(String.format(Locale.ROOT, FORMAT, r.backend(), r.net(), r.mini(),
                String.format(Locale.ROOT, "%.1f", r.trainImagesPerS()), spread,
                String.format(Locale.ROOT, "%.1f", r.forwardImagesPerS()),
                String.format(Locale.ROOT, "%.2f", r.trainGflops()), share,
                String.format(Locale.ROOT, "%.2f", r.trainImagesPerS() / first.trainImagesPerS()), r.device()));
    }

    /** A backend that could not start. */
    public void unavailable(String backend, String net, String reason) {
        line(String.format(Locale.ROOT, "%-8s  %-28s  unavailable: %s", backend, net, reason));
    }

    /** What the columns mean and how the numbers were taken. */
    public void footer(int repeats, int minibatches, int mini, int warmup, String dtype, boolean withRatios) {
        out.println("IMAGES/S = training (forward, backward, SGD step), median of " + repeats + " repeat(s) of "
                + minibatches + " minibatch(es) of " + mini + " after " + warmup + " warm-up, " + dtype
                + "; FWD IMG/S = forward only (test mode), median; GFLOP/S = training, from the net's FLOPs per image; "
                + "%PEAK = of the sgemm peak measured in this run" + (withRatios ? "; RATIO = training images/s "
                + "relative to the first backend on the same net, this run" : ""));
        out.flush();
    }

    private void line(String text) {
        out.println(text);
        out.flush();
    }
}
