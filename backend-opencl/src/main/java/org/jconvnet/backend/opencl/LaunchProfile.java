package org.jconvnet.backend.opencl;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Optional per-kernel timing, switched on with {@code -Djconvnet.opencl.profile=true}: every launch
 * then waits for its kernel to finish (so launches are timed one by one, at the cost of
 * overlap) and the totals are printed to stderr, largest first, when the JVM exits.
 */
final class LaunchProfile {
    /** Whether profiling is on (read once). */
    static final boolean ENABLED = Boolean.getBoolean("jconvnet.opencl.profile");

    private static final Map<String, long[]> TOTALS = new ConcurrentHashMap<>();

    static {
        if (ENABLED) {
            Runtime.getRuntime().addShutdownHook(new Thread(LaunchProfile::print, "opencl-profile"));
        }
    }

    private LaunchProfile() {
    }

    /** Adds one launch of {@code kernel} that took {@code nanos}. */
    static void record(String kernel, long nanos) {
        long[] t = TOTALS.computeIfAbsent(kernel, k -> new long[2]);
        synchronized (t) {
            t[0]++;
            t[1] += nanos;
        }
    }

    private static void print() {
        StringBuilder sb = new StringBuilder("OpenCL kernel profile (launches, total ms, ms per launch):\n");
        TOTALS.entrySet().stream().sorted((a, b) -> Long.compare(b.getValue()[1], a.getValue()[1]))
                .forEach(e -> sb.append(String.format("  %-28s %7d %10.1f %9.3f%n", e.getKey(), e.getValue()[0],
                        e.getValue()[1] / 1e6, e.getValue()[1] / 1e6 / e.getValue()[0])));
        System.err.print(sb);
    }
}
