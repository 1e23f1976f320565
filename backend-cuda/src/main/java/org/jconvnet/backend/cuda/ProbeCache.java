package org.jconvnet.backend.cuda;

import java.util.HashMap;
import java.util.Map;
import java.util.function.IntFunction;
import org.jconvnet.api.backend.Availability;

/**
 * Runs a probe at most once per device ordinal and remembers the outcome, turning any
 * throwable into an unavailable result. Once loading the natives failed, every later ordinal
 * gets the same reason without a second attempt: a second JCuda call would only raise
 * {@code NoClassDefFoundError: Could not initialize class jcuda.driver.JCudaDriver}, which hides
 * the real cause.
 */
final class ProbeCache {
    private final IntFunction<Availability> probe;
    private final Map<Integer, Availability> byOrdinal = new HashMap<>();
    private Availability fatal;

    /** Wraps a probe that may throw anything. */
    ProbeCache(IntFunction<Availability> probe) {
        this.probe = probe;
    }

    /** The cached or freshly computed availability of device {@code ordinal}; never throws. */
    synchronized Availability get(int ordinal) {
        if (fatal != null) {
            return fatal;
        }
        Availability a = byOrdinal.get(ordinal);
        if (a != null) {
            return a;
        }
        try {
            a = probe.apply(ordinal);
            if (a == null) {
                a = Availability.unavailable("CUDA probe returned no result");
            }
        } catch (Throwable t) { // NOPMD: the probe contract is to never throw, whatever the natives do
            a = Availability.unavailable(ProbeFailure.describe(t));
            if (t instanceof LinkageError || t instanceof ExceptionInInitializerError) {
                fatal = a;
            }
        }
        byOrdinal.put(ordinal, a);
        return a;
    }
}
