package org.jconvnet.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class WeightGradientSplitTest {
    private static final long NO_LIMIT = Long.MAX_VALUE;

    @Test
    void noSplitWhenTheItemsAlreadyReachTheTargetOrNoTargetIsSet() {
        assertEquals(WeightGradientSplit.whole(16), WeightGradientSplit.forConv(16, 12800, 12800, 102400, NO_LIMIT));
        assertEquals(WeightGradientSplit.whole(32), WeightGradientSplit.forConv(32, 800, 0, 4800, NO_LIMIT));
        assertEquals(1, WeightGradientSplit.whole(32).parts());
        assertEquals(32, WeightGradientSplit.whole(32).rowsPerPart());
    }

    @Test
    void seedNetConv1GetsEnoughPartsAndNoEmptyOne() {
        // 800 weight blocks, 32x32 modules, target 2^17 items: 164 parts wanted, rows split first.
        WeightGradientSplit s = WeightGradientSplit.forConv(32, 800, 1 << 17, 4800, NO_LIMIT);
        assertEquals(1, s.rowsPerPart());
        assertEquals(6, s.colsPerPart());
        assertEquals(32 * 6, s.parts());
        assertTrue(s.parts() * 800L >= 1 << 17);
    }

    @Test
    void partSizesAreRoundedSoThatEveryPartHasModules() {
        // 11 parts over 16 rows: 2 rows each, so 8 parts (not 11 with 3 empty ones).
        WeightGradientSplit s = WeightGradientSplit.forConv(16, 12800, 11 * 12800, 102400, NO_LIMIT);
        assertEquals(2, s.rowsPerPart());
        assertEquals(16, s.colsPerPart());
        assertEquals(8, s.parts());
        for (int modulesX = 1; modulesX <= 40; modulesX++) {
            for (long target = 0; target < 5000; target += 37) {
                WeightGradientSplit t = WeightGradientSplit.forConv(modulesX, 3, target, 10, NO_LIMIT);
                int rowParts = (modulesX + t.rowsPerPart() - 1) / t.rowsPerPart();
                int colParts = (modulesX + t.colsPerPart() - 1) / t.colsPerPart();
                assertEquals(rowParts * colParts, t.parts(), modulesX + "/" + target);
                assertTrue((rowParts - 1) * t.rowsPerPart() < modulesX && (colParts - 1) * t.colsPerPart() < modulesX,
                        "an empty part at " + modulesX + "/" + target);
                assertTrue(t.parts() <= modulesX * modulesX);
            }
        }
    }

    @Test
    void partialBanksStayWithinTheMemoryLimit() {
        WeightGradientSplit s = WeightGradientSplit.forConv(32, 800, 1 << 17, 4800, 10 * 4800);
        assertTrue(s.parts() <= 10, s.toString());
        assertEquals(WeightGradientSplit.whole(32), WeightGradientSplit.forConv(32, 800, 1 << 17, 4800, 4800));
    }

    @Test
    void localLayersGetOnePartPerModuleAndBadSizesAreRefused() {
        assertEquals(new WeightGradientSplit(1, 1, 64), WeightGradientSplit.perModule(8));
        assertThrows(IllegalArgumentException.class, () -> new WeightGradientSplit(0, 1, 1));
        assertThrows(IllegalArgumentException.class, () -> WeightGradientSplit.forConv(0, 1, 1, 1, 1));
    }
}
