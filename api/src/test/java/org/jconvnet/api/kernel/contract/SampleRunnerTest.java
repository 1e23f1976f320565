package org.jconvnet.api.kernel.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The parity verdict every backend's sample test uses ({@link SampleRunner#outOfTolerance}). */
class SampleRunnerTest {
    private static final KernelSample SAMPLE = KernelSamples.all().stream().filter(s -> s.tolerance() == 1e-5)
            .findFirst().orElseThrow();

    @Test
    void withinTheRelativeBoundIsNoFinding() {
        Map<String, double[]> ref = Map.of("output", new double[] {100, -200});
        assertEquals(Optional.empty(), SampleRunner.outOfTolerance(SAMPLE, "b", ref, Map.of("output",
                new double[] {100.001, -200.001})));
    }

    @Test
    void theWorstElementPastTheBoundIsNamedWithBothValues() {
        Map<String, double[]> ref = Map.of("output", new double[] {1, 2, 3});
        String m = SampleRunner.outOfTolerance(SAMPLE, "backend-x", ref, Map.of("output", new double[] {1, 2.5, 3.1}))
                .orElseThrow();
        assertTrue(m.contains("'output'") && m.contains(" at 1 ") && m.contains("backend-x 2.5") && m.contains("reference 2.0"),
                m);
    }

    @Test
    void aNanIsAlwaysAFindingAndAnAllZeroReferenceStillHasABound() {
        assertTrue(SampleRunner.outOfTolerance(SAMPLE, "b", Map.of("t", new double[] {0, 1}),
                Map.of("t", new double[] {0, Double.NaN})).isPresent());
        assertTrue(SampleRunner.outOfTolerance(SAMPLE, "b", Map.of("t", new double[] {0, 0}),
                Map.of("t", new double[] {0, 1e-12})).isEmpty());
        assertTrue(SampleRunner.outOfTolerance(SAMPLE, "b", Map.of("t", new double[] {0, 0}),
                Map.of("t", new double[] {0, 1e-3})).isPresent());
    }
}
