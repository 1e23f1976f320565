package org.jconvnet.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.jconvnet.api.backend.Backend;
import org.jconvnet.api.backend.BackendConfig;
import org.jconvnet.api.kernel.Ops;
import org.jconvnet.conformance.check.Check;
import org.jconvnet.conformance.check.CheckContext;
import org.jconvnet.conformance.check.CheckExecutor;
import org.jconvnet.conformance.check.FrozenGoldenCheck;
import org.jconvnet.conformance.check.GradientCheck;
import org.jconvnet.conformance.mutant.WeightGradOffMutant;
import org.jconvnet.conformance.policy.BackendPolicy;
import org.junit.jupiter.api.Test;

/**
 * The checks of the reference can fail too: with a reference whose conv weight gradient is off by
 * 2.5e-4, the frozen golden cases and the central-difference gradient checks both object, while
 * forward results stay clean.
 */
class ReferenceCanFailTest {

    @Test
    void aChangedReferenceIsCaughtByTheFrozenCasesAndTheGradientChecks() {
        ConformanceRunner runner = new ConformanceRunner(ConformanceOptions.defaults());
        Supplier<Backend> mutant = () -> runner.registry().find(WeightGradOffMutant.ID).orElseThrow()
                .create(BackendConfig.defaults());
        Backend[] shared = new Backend[1];
        Supplier<Backend> once = () -> shared[0] == null ? (shared[0] = mutant.get()) : shared[0];
        CheckContext ctx = new CheckContext(CheckContext.REFERENCE, once, once, runner.plugins(),
                BackendPolicy.none(CheckContext.REFERENCE));
        List<CheckResult> frozen = new ArrayList<>();
        List<CheckResult> gradients = new ArrayList<>();
        try {
            for (Check c : runner.referenceChecks()) {
                if (c instanceof FrozenGoldenCheck) {
                    frozen.addAll(CheckExecutor.execute(c, ctx));
                } else if (c instanceof GradientCheck && c.planned().stream().anyMatch(p -> p.layer().equals("conv"))
                        && !c.title().contains("seed-")) {
                    // The small conv cases suffice, and keep this test fast.
                    gradients.addAll(CheckExecutor.execute(c, ctx));
                }
            }
        } finally {
            ctx.close();
        }
        assertFalse(frozen.isEmpty(), "the frozen golden cases are missing");
        CheckResult frozenWeights = frozen.stream().filter(r -> r.caseName().equals("small-convnet")
                && r.op().equals(Ops.BACKWARD_WEIGHTS)).findFirst().orElseThrow();
        assertEquals(Status.FAIL, frozenWeights.status(), frozenWeights.describe());
        assertTrue(frozenWeights.message().contains("conv1"), frozenWeights.message());
        frozen.stream().filter(r -> r.op().equals(Ops.FORWARD))
                .forEach(r -> assertEquals(Status.PASS, r.status(), r.describe()));
        assertTrue(gradients.stream().anyMatch(r -> r.op().equals(Ops.BACKWARD_WEIGHTS) && r.status() == Status.FAIL),
                gradients::toString);
    }
}
