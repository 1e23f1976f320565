package org.jconvnet.conformance.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.jconvnet.conformance.BackendOutcome;
import org.jconvnet.conformance.CheckResult;
import org.jconvnet.conformance.ConformanceReport;
import org.jconvnet.conformance.Status;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportWritersTest {

    private static ConformanceReport sample() {
        ConformanceReport r = new ConformanceReport();
        r.addBackend(new BackendOutcome("cpu", true, "Java 17"));
        r.addBackend(new BackendOutcome("cuda", false, "libcuda.so.1 not found"));
        r.add(new CheckResult("cpu", "layer-case", "conv", "a", "forward", Status.PASS, 1e-8, 2e-8, 1e-4,
                "sums of 75 float32 products", ""));
        r.add(new CheckResult("cpu", "layer-case", "pool", "b", "forward", Status.FAIL, 0.5, 0.25, 1e-4, "",
                "output of layer 'pool': \"quoted\"\nsecond line"));
        r.add(new CheckResult("cuda", "backend", "*", "*", "*", Status.SKIP, Double.NaN, Double.NaN, Double.NaN, "",
                "libcuda.so.1 not found"));
        return r;
    }

    @Test
    void textTableHasEveryRowFailuresAndCounts() {
        String t = TextReport.format(sample());
        assertTrue(t.contains("cuda       skipped  libcuda.so.1 not found"), t);
        assertTrue(t.lines().anyMatch(l -> l.startsWith("cpu") && l.contains("conv") && l.contains("PASS")), t);
        assertTrue(t.contains("Failures:"), t);
        assertTrue(t.contains("cpu: 1 pass, 1 fail, 0 skip, 0 xfail, 0 xpass"), t);
        assertTrue(t.contains("conformance FAILED: 3 checks, 1 failure(s)"), t);
    }

    @Test
    void jsonIsWellFormedAndEscaped(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("sub/report.json");
        JsonReport.write(sample(), f);
        String j = Files.readString(f);
        assertTrue(j.contains("\"passed\": false"), j);
        assertTrue(j.contains("\"cpu\": {\"pass\": 1, \"fail\": 1, \"skip\": 0, \"xfail\": 0, \"xpass\": 0}"), j);
        assertTrue(j.contains("\\\"quoted\\\"\\nsecond line"), j);
        assertTrue(j.contains("\"maxRel\": null"), j);
        assertTrue(j.contains("\"maxRel\": 0.25"), j);
        assertTrue(j.contains("\"tolerance\": 1.0E-4, \"toleranceReason\": \"sums of 75 float32 products\""), j);
        assertEquals(count(j, '{'), count(j, '}'));
        assertEquals(count(j, '['), count(j, ']'));
        assertFalse(j.contains("NaN"), j);
    }

    private static long count(String s, char c) {
        // Braces inside strings are escaped-free here, so a plain count checks nesting balance.
        return s.chars().filter(x -> x == c).count();
    }
}
