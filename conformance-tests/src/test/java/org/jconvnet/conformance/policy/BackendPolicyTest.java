package org.jconvnet.conformance.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Properties;
import org.jconvnet.api.JConvNetException;
import org.jconvnet.conformance.CheckResult;
import org.jconvnet.conformance.Status;
import org.junit.jupiter.api.Test;

class BackendPolicyTest {

    private static BackendPolicy policy(String... kv) {
        Properties p = new Properties();
        for (int i = 0; i < kv.length; i += 2) {
            p.setProperty(kv[i], kv[i + 1]);
        }
        return BackendPolicy.of("x", "test.properties", p);
    }

    private static CheckResult result(String layer, String caseName, String op, Status s) {
        return new CheckResult("x", "layer-case", layer, caseName, op, s, 0, 0, 1e-4, "", "msg");
    }

    @Test
    void globsMatchWholeIdsIncludingDottedLayerTypes() {
        BackendPolicy p = policy("skip.cost.logreg.*.forward", "no kernel yet");
        assertTrue(p.skip("cost.logreg.basic.forward").isPresent());
        assertTrue(p.skip("cost.logreg.basic.backward-input").isEmpty());
        assertTrue(p.skip("conv.basic.forward").isEmpty());
    }

    @Test
    void theMostSpecificRuleWins() {
        BackendPolicy p = policy("tolerance.*", "1e-3;everything", "tolerance.cmrnorm.size9.forward", "3e-3;pow on the GPU");
        assertEquals(3e-3, p.tolerance("cmrnorm.size9.forward", 1e-4));
        assertEquals(1e-3, p.tolerance("conv.a.forward", 1e-4));
        assertEquals("pow on the GPU", p.toleranceRule("cmrnorm.size9.forward").orElseThrow().reason());
        assertEquals(1e-4, policy().tolerance("conv.a.forward", 1e-4));
    }

    @Test
    void expectedFailuresAreStrict() {
        BackendPolicy p = policy("xfail.pool.*.forward", "known bug #12");
        CheckResult failed = p.applyExpectations(result("pool", "a", "forward", Status.FAIL));
        assertEquals(Status.XFAIL, failed.status());
        assertTrue(failed.message().contains("known bug #12"), failed.message());
        CheckResult passed = p.applyExpectations(result("pool", "a", "forward", Status.PASS));
        assertEquals(Status.XPASS, passed.status());
        assertTrue(passed.status().isFailure());
        assertTrue(passed.message().contains("remove 'xfail.pool.*.forward' from test.properties"), passed.message());
        assertEquals(Status.PASS, p.applyExpectations(result("conv", "a", "forward", Status.PASS)).status());
    }

    @Test
    void everyRuleNeedsAReasonAndAWellFormedKey() {
        JConvNetException e = assertThrows(JConvNetException.class, () -> policy("skip.conv.a.forward", " "));
        assertTrue(e.getMessage().contains("test.properties, key 'skip.conv.a.forward'"), e.getMessage());
        assertTrue(e.getMessage().contains("no reason"), e.getMessage());
        e = assertThrows(JConvNetException.class, () -> policy("tolerance.conv.a.forward", "1e-3"));
        assertTrue(e.getMessage().contains("value;reason"), e.getMessage());
        e = assertThrows(JConvNetException.class, () -> policy("tolerance.conv.a.forward", "big;why"));
        assertTrue(e.getMessage().contains("not a number"), e.getMessage());
        e = assertThrows(JConvNetException.class, () -> policy("tolerance.conv.a.forward", "-1;why"));
        assertTrue(e.getMessage().contains("positive"), e.getMessage());
        e = assertThrows(JConvNetException.class, () -> policy("skipp.conv.a.forward", "why"));
        assertTrue(e.getMessage().contains("unknown rule"), e.getMessage());
    }

    @Test
    void loadsTheBackendsResourceFile() {
        BackendPolicy p = BackendPolicy.load("mutant-clean", getClass().getClassLoader());
        assertEquals(3, p.rules().size());
        assertTrue(p.skip("pool.any.backward-input").isPresent());
        assertTrue(BackendPolicy.load("no-such-backend", getClass().getClassLoader()).rules().isEmpty());
    }
}
