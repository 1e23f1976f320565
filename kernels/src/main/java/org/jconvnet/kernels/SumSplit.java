package org.jconvnet.kernels;

/**
 * How {@code fc_matmul} (fc.kc) cuts its sum over {@code k} into parts: part {@code p} sums
 * {@code k} in {@code [p*perPart, min(inner, (p+1)*perPart))} into its own partial product, and
 * {@code fc_sum_parts} adds the partial products in part order (deterministic).
 *
 * <p>Why: a fully-connected layer's forward pass has few outputs per case (10 classes x 128
 * cases is 96 work-items of 4 x 4) but a long sum (2048 inputs), so one work-item per output
 * block leaves a GPU almost idle, exactly as a conv layer's weight gradient does
 * ({@link WeightGradientSplit}).
 *
 * @param parts   number of parts, at least 1
 * @param perPart terms of the sum per part (the last part may have fewer)
 */
public record SumSplit(int parts, int perPart) {
    /** The fewest terms a part sums: shorter parts would spend more on the extra pass than they save. */
    public static final int MIN_PER_PART = 64;

    /** Checks that the sizes are positive. */
    public SumSplit {
        if (parts <= 0 || perPart <= 0) {
            throw new IllegalArgumentException("a sum split needs positive sizes, got " + parts + " parts of " + perPart);
        }
    }

    /**
     * The fewest parts that bring the work-item count to {@code targetItems}, each summing at least
     * {@link #MIN_PER_PART} terms; one part (no split) when the items already reach the target, the
     * target is 0 or the sum is short. Part sizes are rounded so that no part is empty.
     *
     * @param itemsPerPart work-items of the unsplit product
     * @param inner        length of the sum
     * @param targetItems  work-items the device wants in flight
     */
    public static SumSplit of(long itemsPerPart, int inner, long targetItems) {
        if (itemsPerPart <= 0 || inner <= 0) {
            throw new IllegalArgumentException("items " + itemsPerPart + " and sum length " + inner + " must be positive");
        }
        long wanted = (Math.max(targetItems, 0) + itemsPerPart - 1) / itemsPerPart;
        int parts = (int) Math.min(wanted, inner / MIN_PER_PART);
        if (parts <= 1) {
            return new SumSplit(1, inner);
        }
        int perPart = (inner + parts - 1) / parts;
        return new SumSplit((inner + perPart - 1) / perPart, perPart);
    }
}
