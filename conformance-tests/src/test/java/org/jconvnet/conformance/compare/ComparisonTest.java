package org.jconvnet.conformance.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ComparisonTest {

    @Test
    void relativeErrorIsMaxAbsOverMaxReference() {
        ErrorStats s = Comparison.compare("x", new double[] {1.0, 2.0, -4.0005}, new double[] {1.0, 2.0, -4.0}, 1, 1e-3);
        assertEquals(5e-4, s.maxAbs(), 1e-12);
        assertEquals(4.0, s.maxRef(), 0);
        assertEquals(5e-4 / 4.0, s.maxRel(), 1e-12);
        assertTrue(s.passed());
        assertEquals(-1, s.firstWrong());
    }

    @Test
    void namesTheFirstWrongIndexWithRowAndColumn() {
        double[] ref = {1, 2, 3, 4, 5, 6};
        double[] got = {1, 2, 3, 4.5, 5, 7};
        ErrorStats s = Comparison.compare("output of layer 'conv'", got, ref, 3, 1e-4);
        assertFalse(s.passed());
        assertEquals(2, s.wrong());
        assertEquals(3, s.firstWrong());
        String d = s.describe();
        assertTrue(d.contains("output of layer 'conv'"), d);
        assertTrue(d.contains("index 3 (row 1, col 0)"), d);
        assertTrue(d.contains("got 4.5"), d);
    }

    @Test
    void fortranMatricesReportTheLogicalRowAndColumn() {
        // A 2x3 column-major matrix: flat index 3 is (row 1, col 1).
        double[] ref = new double[6];
        double[] got = new double[6];
        got[3] = 1;
        ErrorStats s = Comparison.compare("fc weights", got, ref, 3, true, 1e-4);
        assertTrue(s.describe().contains("index 3 (row 1, col 1)"), s.describe());
    }

    @Test
    void nanAndLengthMismatchFail() {
        assertFalse(Comparison.compare("x", new double[] {Double.NaN}, new double[] {1}, 1, 1).passed());
        ErrorStats s = Comparison.compare("x", new double[] {1, 2}, new double[] {1}, 1, 1);
        assertFalse(s.passed());
        assertTrue(s.describe().contains("length 2 but the reference has 1"), s.describe());
    }

    @Test
    void allZeroReferenceNeedsAnExactlyZeroResult() {
        assertTrue(Comparison.compare("x", new double[] {0, 0}, new double[] {0, 0}, 1, 1e-4).passed());
        assertFalse(Comparison.compare("x", new double[] {0, 1e-20}, new double[] {0, 0}, 1, 1e-4).passed());
    }

    @Test
    void worstPrefersFailuresThenLargerErrors() {
        ErrorStats pass = Comparison.compare("a", new double[] {1.00001}, new double[] {1}, 1, 1e-3);
        ErrorStats smallFail = Comparison.compare("b", new double[] {1.01}, new double[] {1}, 1, 1e-3);
        ErrorStats bigFail = Comparison.compare("c", new double[] {2}, new double[] {1}, 1, 1e-3);
        assertEquals("c", Comparison.worst(List.of(pass, smallFail, bigFail)).what());
        assertEquals("b", Comparison.worst(List.of(pass, smallFail)).what());
        assertEquals("a", Comparison.worst(List.of(pass)).what());
    }
}
