package org.jconvnet.layers.support;

import org.jconvnet.api.layer.LayerConfig;

/**
 * Overflow-safe size arithmetic for {@code configure}: products of user-given counts are formed
 * in {@code long} with {@link Math#multiplyExact}, and a result that does not fit is reported at
 * the layer and key that hold the offending value, instead of wrapping around to a negative size
 * that some later layer would then complain about.
 */
public final class Sizes {
    /**
     * The largest output dimension and parameter matrix a layer may have: one Java array, and the
     * {@code int} every tensor shape uses.
     */
    public static final long LIMIT = Integer.MAX_VALUE - 8;

    private Sizes() {
    }

    /**
     * The product of {@code factors}, which must not exceed {@link #LIMIT}.
     *
     * @param c       the layer being configured
     * @param key     the key whose value makes the product too large
     * @param what    what the product is, with its factors, e.g. {@code "the outputs (64 filters x 32x32 modules)"}
     * @param factors the factors, each non-negative
     * @throws org.jconvnet.api.config.ConfigException at {@code key}, naming the product and the limit
     */
    public static int product(LayerConfig c, String key, String what, long... factors) {
        long p = 1;
        try {
            for (long f : factors) {
                p = Math.multiplyExact(p, f);
            }
        } catch (ArithmeticException e) {
            p = Long.MAX_VALUE;
        }
        if (p > LIMIT) {
            throw c.error(key, what + " would be " + (p == Long.MAX_VALUE ? "over 2^63" : Long.toString(p))
                    + ", more than the limit of " + LIMIT + " (a layer's outputs and each parameter matrix must fit one array)");
        }
        return (int) p;
    }
}
