package org.jconvnet.kernels.plan;

import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * The choices a backend makes for the launch plans: which conv/local kernel family runs and how
 * far long sums are split. GPUs want {@link #gpu()}, CPU devices {@link #cpu()}; both give the same
 * results within float32 rounding (the conformance suite checks every combination).
 *
 * @param convKernels the conv/local kernels: tiled (work-groups sharing local-memory tiles) or blocked
 *                    (one register block per work-item)
 * @param splitItems  work-items a long sum (a conv weight gradient, an fc product) is split up to;
 *                    0 never splits
 */
public record PlanOptions(ConvKernels convKernels, long splitItems) {
    /** Work-items a GPU wants in flight: an H100/H200 keeps 100,000 to 270,000 threads resident. */
    public static final long GPU_SPLIT_ITEMS = 1L << 17;

    /** The two families of conv/local kernels in conv.kc. */
    public enum ConvKernels {
        /** {@code conv_*_tiled}: work-groups staging tiles in local memory, coalesced loads (what GPUs want). */
        TILED,
        /** {@code conv_forward}, {@code conv_backward_input}, {@code conv_backward_weights}: one register block per work-item (what CPUs run fast). */
        BLOCKED;

        /**
         * Parses {@code tiled} or {@code blocked} (any case).
         *
         * @param setting the setting's name, for the error
         * @throws IllegalArgumentException naming the setting when the value is neither
         */
        public static ConvKernels parse(String value, String setting) {
            for (ConvKernels k : values()) {
                if (k.name().equalsIgnoreCase(value.trim())) {
                    return k;
                }
            }
            throw new IllegalArgumentException("setting " + setting + "='" + value + "' must be tiled or blocked");
        }

        /** The lower-case name used in settings. */
        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** Checks the values. */
    public PlanOptions {
        if (convKernels == null || splitItems < 0) {
            throw new IllegalArgumentException("plan options need a kernel family and a split target >= 0, got "
                    + convKernels + ", " + splitItems);
        }
    }

    /** Tiled kernels and sums split to {@link #GPU_SPLIT_ITEMS}. */
    public static PlanOptions gpu() {
        return new PlanOptions(ConvKernels.TILED, GPU_SPLIT_ITEMS);
    }

    /** Blocked kernels, no split: a CPU device's few cores are busy without either. */
    public static PlanOptions cpu() {
        return new PlanOptions(ConvKernels.BLOCKED, 0);
    }

    /**
     * {@code defaults} with a backend's two settings applied where they are set: {@code kernelsKey}
     * ({@code tiled} or {@code blocked}) and {@code splitKey} (work-items, 0 or more).
     *
     * @param setting reads a setting by key (e.g. {@code BackendConfig::get})
     * @throws IllegalArgumentException naming the setting when a value is malformed
     */
    public static PlanOptions withSettings(PlanOptions defaults, Function<String, Optional<String>> setting,
                                           String kernelsKey, String splitKey) {
        ConvKernels kernels = setting.apply(kernelsKey).map(v -> ConvKernels.parse(v, kernelsKey))
                .orElse(defaults.convKernels());
        long split = setting.apply(splitKey).map(v -> parseSplitItems(v, splitKey)).orElse(defaults.splitItems());
        return new PlanOptions(kernels, split);
    }

    /**
     * Parses a split target setting: a whole number of work-items, 0 or more.
     *
     * @throws IllegalArgumentException naming the setting otherwise
     */
    public static long parseSplitItems(String value, String setting) {
        try {
            long v = Long.parseLong(value.trim());
            if (v >= 0) {
                return v;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("setting " + setting + "='" + value
                + "' must be a whole number of work-items, 0 or more");
    }
}
