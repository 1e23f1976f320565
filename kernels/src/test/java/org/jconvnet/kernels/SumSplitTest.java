package org.jconvnet.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SumSplitTest {
    @Test
    void seedNetFc10ForwardIsCutIntoPartsOfAtLeast64Terms() {
        // 96 work-items over a 2048-long sum, target 2^17: capped by 2048 / 64 = 32 parts.
        assertEquals(new SumSplit(32, 64), SumSplit.of(96, 2048, 1 << 17));
    }

    @Test
    void noSplitForShortSumsEnoughItemsOrNoTarget() {
        assertEquals(new SumSplit(1, 100), SumSplit.of(96, 100, 1 << 17));
        assertEquals(new SumSplit(1, 2048), SumSplit.of(200_000, 2048, 1 << 17));
        assertEquals(new SumSplit(1, 2048), SumSplit.of(96, 2048, 0));
    }

    @Test
    void partsCoverTheSumWithNoEmptyPart() {
        for (int inner = 1; inner < 700; inner += 13) {
            for (long target = 0; target < 4000; target += 97) {
                SumSplit s = SumSplit.of(7, inner, target);
                assertTrue((long) s.parts() * s.perPart() >= inner, s + " does not cover " + inner);
                assertTrue((long) (s.parts() - 1) * s.perPart() < inner, s + " has an empty part for " + inner);
                assertTrue(s.parts() == 1 || s.perPart() >= SumSplit.MIN_PER_PART, s.toString());
            }
        }
        assertThrows(IllegalArgumentException.class, () -> new SumSplit(0, 1));
        assertThrows(IllegalArgumentException.class, () -> SumSplit.of(0, 1, 1));
    }
}
