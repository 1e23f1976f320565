package org.jconvnet.backend.cpu.numeric;

import java.util.stream.IntStream;

/**
 * Splits a kernel's outputs into disjoint chunks run on the common fork-join pool. Each output
 * element is computed by exactly one task in a fixed order, so results do not depend on the
 * number of threads or on scheduling (the contracts require bit-identical reruns).
 */
public final class Parallel {
    /** Below this many scalar operations in total a kernel runs on the calling thread. */
    private static final long SEQUENTIAL_WORK = 1L << 15;

    private Parallel() {
    }

    /** A body run on the items {@code [from, to)}. */
    @FunctionalInterface
    public interface RangeBody {
        /** Processes items {@code from} (inclusive) to {@code to} (exclusive). */
        void run(int from, int to);
    }

    /**
     * Runs {@code body} over {@code [0, items)} in chunks, in parallel when the total work
     * ({@code items * workPerItem} scalar operations, roughly) is worth it.
     */
    public static void forRange(int items, long workPerItem, RangeBody body) {
        if (items <= 0) {
            return;
        }
        int threads = Runtime.getRuntime().availableProcessors();
        if (threads == 1 || items == 1 || items * Math.max(1, workPerItem) < SEQUENTIAL_WORK) {
            body.run(0, items);
            return;
        }
        // A few chunks per thread balance uneven rows (edge modules have fewer taps).
        int chunks = Math.min(items, threads * 4);
        IntStream.range(0, chunks).parallel()
                .forEach(c -> body.run((int) ((long) items * c / chunks), (int) ((long) items * (c + 1) / chunks)));
    }
}
