package org.jconvnet.backend.blas.core;

/**
 * Data-dependent selections without a branch, for the loops whose condition is a coin toss over
 * the data: max pooling's "is this the window's maximum" and relu's "is the output positive". As
 * {@code cond ? v : 0f}, HotSpot compiles them to a conditional jump around a move (x86 has no
 * conditional move for floats), which the CPU mispredicts on a large share of the elements; here
 * the condition becomes an all-ones or all-zeros mask computed with integer arithmetic on the bit
 * patterns, and {@code v} is masked. Each gives exactly what the float comparison gives, signed
 * zeros and NaN included, and {@code +0f} where the condition fails, as {@code cond ? v : 0f} does.
 */
final class Select {
    private static final int ABS = 0x7fffffff;
    private static final int INFINITY = 0x7f800000;

    private Select() {
    }

    /** {@code a == b ? v : 0f}. */
    static float ifEqual(float a, float b, float v) {
        int x = Float.floatToRawIntBits(a);
        int y = Float.floatToRawIntBits(b);
        int same = x ^ y; // 0 when the bit patterns agree
        int zeros = (x | y) & ABS; // 0 when both are zeros, of either sign
        int notNaN = (x & ABS) - (INFINITY + 1); // negative unless a is NaN (then a == b is false)
        // (w | -w) has its sign bit set exactly when w != 0.
        int mask = ((~(same | -same) | ~(zeros | -zeros)) & notNaN) >> 31;
        return Float.intBitsToFloat(Float.floatToRawIntBits(v) & mask);
    }

    /** {@code y > 0 ? v : 0f}: the bit pattern of y, as an int, is in {@code (0, +infinity]}. */
    static float ifPositive(float y, float v) {
        int x = Float.floatToRawIntBits(y);
        int mask = (-x & (x - (INFINITY + 1))) >> 31;
        return Float.intBitsToFloat(Float.floatToRawIntBits(v) & mask);
    }
}
