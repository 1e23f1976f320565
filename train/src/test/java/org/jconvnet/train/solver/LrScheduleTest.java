package org.jconvnet.train.solver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class LrScheduleTest {
    @Test
    void aStepAppliesFromTheFirstBatchOfTheEpochAfterIt() {
        LrSchedule s = LrSchedule.parse("120:0.1,130:0.01");
        assertEquals(List.of(new LrSchedule.Step(120, 0.1), new LrSchedule.Step(130, 0.01)), s.steps());
        assertEquals(1.0, s.factorAt(1));
        assertEquals(1.0, s.factorAt(120));
        assertEquals(0.1, s.factorAt(121));
        assertEquals(0.1, s.factorAt(130));
        assertEquals(0.01, s.factorAt(131));
        assertEquals(0.01, s.factorAt(500));
        assertEquals(130, s.lastStepEpochs());
        assertEquals("rates x0.1 from epoch 121, x0.01 from epoch 131", s.describe());
    }

    @Test
    void theTextIsCanonicalAndNoneIsTheEmptySchedule() {
        assertEquals("120:0.1,130:0.01", LrSchedule.parse(" 120 : 1e-1 , 130:0.010 ").text());
        assertEquals("0:2", LrSchedule.parse("0:2.0").text());
        assertTrue(LrSchedule.parse("none").isEmpty());
        assertTrue(LrSchedule.parse("NONE").isEmpty());
        assertEquals("none", LrSchedule.none().text());
        assertEquals(1.0, LrSchedule.none().factorAt(7));
        assertEquals(0, LrSchedule.none().lastStepEpochs());
        assertEquals(LrSchedule.parse("5:0.5"), LrSchedule.parse("5:.5"));
    }

    @Test
    void badTextNamesThePiece() {
        for (String[] bad : new String[][] {{"2:0.1,1:0.01", "the epochs must increase: 1 comes after 2"},
                {"1:0", "the factor in '1:0' must be a finite number above 0"}, {"1:0x1p-3", "'0x1p-3' in '1:0x1p-3' is not a number"},
                {"1:0.1f", "'0.1f' in '1:0.1f' is not a number"}, {"1:Infinity", "'Infinity' in '1:Infinity' is not a number"},
                {"a:1", "'a' in 'a:1' is not a whole number of epochs"}, {"5", "'5' is not EPOCHS:FACTOR"},
                {" ", "empty schedule"}}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> LrSchedule.parse(bad[0]), bad[0]);
            assertTrue(e.getMessage().contains(bad[1]), e.getMessage());
        }
    }

    @Test
    void scalingGivesTheDoubleOfTheDecimalProductAsAnEditedFileWould() {
        assertEquals(Double.parseDouble("0.0001"), LrSchedule.scale(0.001, 0.1));
        assertEquals(Double.parseDouble("0.00002"), LrSchedule.scale(0.002, 0.01));
        assertEquals(Double.parseDouble("0.0003"), LrSchedule.scale(0.003, 0.1));
        assertTrue(0.003 * 0.1 != Double.parseDouble("0.0003"), "a plain product differs in the last bit");
        assertEquals(Double.parseDouble("0.000001"), LrSchedule.scale(0.0001, 0.01));
        assertEquals(0.0005, LrSchedule.scale(0.001, 0.5));
        assertEquals(0.0, LrSchedule.scale(0.0, 0.1));
        assertEquals(0.001, LrSchedule.scale(0.001, 1));
        assertEquals("0.0001", LrSchedule.formatFactor(1e-4));
        assertEquals("1", LrSchedule.formatFactor(1.0));
    }
}
