package org.jconvnet.examples.cmpool;

/**
 * The validated shape of one cross-map pooling layer. Output channel {@code o} pools input
 * channels {@code [start + o*stride, start + o*stride + size) ∩ [0, channels)} at every pixel and
 * case; windows are clipped at the channel range, never padded.
 *
 * @param channels input channels C
 * @param imgSize  side S of each square map (unchanged by the layer)
 * @param size     channels per window
 * @param start    first channel of window 0 (0 or negative)
 * @param stride   channel step between windows
 * @param outputs  output channels O
 */
public record CmPoolGeometry(int channels, int imgSize, int size, int start, int stride, int outputs) {

    /** Pixels per map, {@code S*S}. */
    public int imgPixels() {
        return imgSize * imgSize;
    }

    /** First input channel (inclusive) of output channel {@code o}'s window, clipped to 0. */
    public int windowStart(int o) {
        return Math.max(0, start + o * stride);
    }

    /** Last input channel (exclusive) of output channel {@code o}'s window, clipped to C. */
    public int windowEnd(int o) {
        return Math.min(channels, start + o * stride + size);
    }

    /** First output channel whose window contains input channel {@code c} (needs {@code start <= 0}). */
    public int firstOutputContaining(int c) {
        int lowest = c - start - size + 1;
        return lowest <= 0 ? 0 : (lowest + stride - 1) / stride;
    }

    /** Last output channel (inclusive) whose window contains input channel {@code c}, or less than the first when none. */
    public int lastOutputContaining(int c) {
        return Math.min(outputs - 1, (c - start) / stride);
    }

    /**
     * The number of output channels when the {@code .cfg} gives none: as many windows as it takes
     * for the last one to reach the last channel, {@code ceil((C - start - size) / stride) + 1}
     * (the same rule as pool's {@code outputsX}).
     */
    public static int automaticOutputs(int channels, int size, int start, int stride) {
        int span = channels - start - size;
        return span <= 0 ? 1 : (span + stride - 1) / stride + 1;
    }
}
