package org.jconvnet.train.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class SpreadTest {

    @Test
    void oddCountTakesTheMiddleSampleAndKeepsTheOrderTaken() {
        Spread s = Spread.of(5, 1, 9, 3, 7);
        assertEquals(5, s.median());
        assertEquals(1, s.min());
        assertEquals(9, s.max());
        assertEquals(List.of(5.0, 1.0, 9.0, 3.0, 7.0), s.samples());
    }

    @Test
    void evenCountAveragesTheTwoMiddleSamples() {
        assertEquals(2.5, Spread.of(4, 1, 2, 3).median());
    }

    @Test
    void noSamplesIsNaNAndScalingScalesEverything() {
        assertTrue(Double.isNaN(Spread.of().median()));
        Spread s = Spread.of(1, 2, 3).times(2);
        assertEquals(4, s.median());
        assertEquals(List.of(2.0, 4.0, 6.0), s.samples());
    }
}
