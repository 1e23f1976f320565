package org.jconvnet.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The scale-out model's arithmetic, on numbers worked by hand. */
class ScaleOutModelTest {
    @Test
    void aStepIsComputePlusOverheadAndTransfersOverK() {
        // 1e6 parameters = 4 MB per transfer; 1 GB/s: 4 ms per transfer; 8 GPUs: 2 + 3 transfers = 20 ms.
        assertEquals(0.010 + 0.020 + 0.020, ScaleOutModel.stepSeconds(0.010, 0.020, 1_000_000, 1e9, 1, 8), 1e-12);
        // Sync every 4: the overhead and the transfers are paid once per 4 steps.
        assertEquals(0.010 + 0.040 / 4, ScaleOutModel.stepSeconds(0.010, 0.020, 1_000_000, 1e9, 4, 8), 1e-12);
        // One worker: a broadcast and a collect, no tree level; 64 GPUs: 6 levels.
        assertEquals(0.010 + 0.008, ScaleOutModel.stepSeconds(0.010, 0, 1_000_000, 1e9, 1, 1), 1e-12);
        assertEquals(0.010 + 0.032, ScaleOutModel.stepSeconds(0.010, 0, 1_000_000, 1e9, 1, 64), 1e-12);
    }

    @Test
    void efficiencyFallsWithGpusAndRisesWithK() {
        double e8 = ScaleOutModel.efficiency(0.00339, 0.02, ScaleOutModel.SEED_PARAMS, 1.25e9, 1, 8);
        double e64 = ScaleOutModel.efficiency(0.00339, 0.02, ScaleOutModel.SEED_PARAMS, 1.25e9, 1, 64);
        double e8k16 = ScaleOutModel.efficiency(0.00339, 0.02, ScaleOutModel.SEED_PARAMS, 1.25e9, 16, 8);
        assertTrue(e64 < e8 && e8 < e8k16 && e8k16 < 1, e8 + " " + e64 + " " + e8k16);
    }
}
