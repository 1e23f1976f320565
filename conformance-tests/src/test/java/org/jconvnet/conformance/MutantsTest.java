package org.jconvnet.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import org.jconvnet.api.kernel.Ops;
import org.jconvnet.conformance.check.Check;
import org.jconvnet.conformance.check.CheckContext;
import org.jconvnet.conformance.check.CheckExecutor;
import org.jconvnet.conformance.check.CheckId;
import org.jconvnet.conformance.check.LayoutProbeCheck;
import org.jconvnet.conformance.mutant.CleanMutant;
import org.jconvnet.conformance.mutant.LocalTransposeMutant;
import org.jconvnet.conformance.mutant.PoolDropLastWindowMutant;
import org.jconvnet.conformance.mutant.WeightGradOffMutant;
import org.junit.jupiter.api.Test;

/**
 * The suite can fail: each mutant backend (the CPU reference with one corruption) is caught, with a
 * message naming the layer, the op and the first wrong index, while what it did not corrupt passes.
 */
class MutantsTest {

    /** Runs the backend checks touching {@code layerTypes} on backend {@code id}. */
    private static List<CheckResult> run(String id, Set<String> layerTypes) {
        ConformanceRunner runner = new ConformanceRunner(ConformanceOptions.defaults().withWholeNet(false));
        Predicate<Check> touches = c -> c.planned().stream().anyMatch(p -> layerTypes.contains(p.layer()));
        List<CheckResult> out = new ArrayList<>();
        CheckContext ctx = runner.contextFor(id);
        try {
            for (Check c : runner.backendChecks()) {
                if (touches.test(c)) {
                    out.addAll(CheckExecutor.execute(c, ctx));
                }
            }
        } finally {
            ctx.close();
        }
        assertFalse(out.isEmpty(), "no checks for " + layerTypes + " ran on " + id);
        return out;
    }

    private static List<CheckResult> select(List<CheckResult> all, String layer, String op, Status status) {
        return all.stream().filter(r -> r.layer().equals(layer) && r.op().equals(op) && r.status() == status).toList();
    }

    private static void assertNamesLayerOpAndIndex(CheckResult r, String layerWord) {
        // Shown in the build log: this is what a backend author would read.
        System.out.println("caught: " + r.describe());
        String m = r.message();
        assertTrue(m.contains(layerWord), "message should name the layer: " + m);
        assertTrue(m.contains("first at index"), "message should name the first wrong index: " + m);
        assertTrue(r.describe().contains(" " + r.op()), "result should name the op: " + r.describe());
    }

    @Test
    void transposedLocalWeightsAreCaughtByTheCasesAndTheLayoutProbe() {
        List<CheckResult> all = run(LocalTransposeMutant.ID, Set.of("local", "conv"));
        List<CheckResult> failed = select(all, "local", Ops.FORWARD, Status.FAIL);
        assertFalse(failed.isEmpty(), "local forward should fail on " + LocalTransposeMutant.ID + ": " + all);
        failed.forEach(r -> assertNamesLayerOpAndIndex(r, "layer '"));
        CheckResult probe = all.stream().filter(r -> r.kind().equals(LayoutProbeCheck.KIND) && r.layer().equals("local")
                && r.caseName().equals(LayoutProbeCheck.WEIGHTS)).findFirst().orElseThrow();
        assertEquals(Status.FAIL, probe.status(), probe.describe());
        assertTrue(probe.message().contains("W[my="), probe.message());
        assertTrue(select(all, "conv", Ops.FORWARD, Status.FAIL).isEmpty(), "conv is not corrupted: " + all);
    }

    @Test
    void aDroppedLastPoolWindowIsCaught() {
        List<CheckResult> all = run(PoolDropLastWindowMutant.ID, Set.of("pool"));
        List<CheckResult> forward = all.stream().filter(r -> r.op().equals(Ops.FORWARD)).toList();
        assertFalse(forward.isEmpty());
        for (CheckResult r : forward) {
            assertEquals(Status.FAIL, r.status(), "every pool case must see the missing window: " + r.describe());
            assertNamesLayerOpAndIndex(r, "output of layer '");
        }
    }

    @Test
    void aWeightGradientJustOutsideTheToleranceIsCaught() {
        List<CheckResult> all = run(WeightGradOffMutant.ID, Set.of("conv"));
        List<CheckResult> grads = all.stream().filter(r -> r.op().equals(Ops.BACKWARD_WEIGHTS)).toList();
        assertFalse(grads.isEmpty());
        for (CheckResult r : grads) {
            if (r.tolerance() < WeightGradOffMutant.ERROR * 0.9) {
                assertEquals(Status.FAIL, r.status(), r.describe());
                assertNamesLayerOpAndIndex(r, "of layer '");
                assertTrue(r.maxRel() < WeightGradOffMutant.ERROR * 1.5, "the error is slight: " + r.describe());
            }
        }
        assertTrue(grads.stream().anyMatch(r -> r.status() == Status.FAIL), all::toString);
        assertTrue(select(all, "conv", Ops.FORWARD, Status.FAIL).isEmpty(), "forward is not corrupted: " + all);
    }

    @Test
    void aBackendsPolicyFileSkipsLoosensAndHoldsExpectedFailuresStrictly() {
        List<CheckResult> all = run(CleanMutant.ID, Set.of("pool", "fc", "conv"));
        List<CheckResult> poolBack = all.stream().filter(r -> r.layer().equals("pool")
                && r.op().equals(Ops.BACKWARD_INPUT) && r.kind().equals("layer-case")).toList();
        assertFalse(poolBack.isEmpty());
        poolBack.forEach(r -> {
            assertEquals(Status.SKIP, r.status());
            assertTrue(r.message().contains("a backend may skip a check"), r.message());
        });
        List<CheckResult> fcForward = all.stream().filter(r -> r.layer().equals("fc") && r.op().equals(Ops.FORWARD)).toList();
        assertFalse(fcForward.isEmpty());
        fcForward.forEach(r -> {
            assertEquals(Status.XPASS, r.status(), r.describe());
            assertTrue(r.status().isFailure());
            assertTrue(r.message().contains("remove 'xfail.fc.*.forward'"), r.message());
        });
        all.stream().filter(r -> r.layer().equals("conv") && r.op().equals(Ops.FORWARD))
                .forEach(r -> assertEquals(1e-3, r.tolerance(), r.describe()));
        assertTrue(all.stream().filter(r -> r.layer().equals("conv")).allMatch(r -> r.status() == Status.PASS),
                all::toString);
        assertTrue(all.stream().map(r -> new CheckId(r.layer(), r.caseName(), r.op())).distinct().count() == all.size());
    }
}
