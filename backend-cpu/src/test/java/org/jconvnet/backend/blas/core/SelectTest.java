package org.jconvnet.backend.blas.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The branch-free selections give bit for bit what the float comparisons give. */
class SelectTest {
    private static final float[] SPECIAL = {0f, -0f, 1f, -1f, Float.MIN_VALUE, -Float.MIN_VALUE, Float.MIN_NORMAL,
        Float.MAX_VALUE, -Float.MAX_VALUE, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, Float.NaN,
        Float.intBitsToFloat(0xffc00000), Float.intBitsToFloat(0x7f800001), 3.5f, -2e38f};

    @Test
    void ifEqualIsTheFloatComparison() {
        Random r = new Random(1);
        for (float a : SPECIAL) {
            for (float b : SPECIAL) {
                check(a, b, 7.25f);
                check(a, b, -0.5f);
            }
        }
        for (int k = 0; k < 100_000; k++) {
            float a = Float.intBitsToFloat(r.nextInt());
            float b = r.nextBoolean() ? a : Float.intBitsToFloat(r.nextInt());
            check(a, b, (float) r.nextGaussian());
        }
    }

    @Test
    void ifPositiveIsTheFloatComparison() {
        Random r = new Random(2);
        for (float y : SPECIAL) {
            assertBits(y > 0 ? 1.5f : 0f, Select.ifPositive(y, 1.5f), "y=" + y);
            assertBits(y > 0 ? -0f : 0f, Select.ifPositive(y, -0f), "y=" + y + " v=-0");
        }
        for (int k = 0; k < 100_000; k++) {
            float y = Float.intBitsToFloat(r.nextInt());
            float v = (float) r.nextGaussian();
            assertBits(y > 0 ? v : 0f, Select.ifPositive(y, v), "y=" + y);
        }
    }

    private static void check(float a, float b, float v) {
        assertBits(a == b ? v : 0f, Select.ifEqual(a, b, v), a + " == " + b);
    }

    private static void assertBits(float want, float got, String what) {
        assertEquals(Float.floatToRawIntBits(want), Float.floatToRawIntBits(got), what);
    }
}
