package org.jconvnet.conformance.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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
    void textTableLabelsRelativeAndAbsoluteErrorsAndSaysWhichOneTheToleranceBounds() {
        // issue 17: "MAX-ABS 0.000610 TOL 0.000300 PASS" read as a failure.
        ConformanceReport r = new ConformanceReport();
        r.add(new CheckResult("cpu", "layer-case", "fc", "c", "forward", Status.PASS, 6.1e-4, 2e-5, 3e-4, "", ""));
        String t = TextReport.format(r);
        String header = t.lines().filter(l -> l.startsWith("BACKEND")).findFirst().orElseThrow();
        assertTrue(header.matches(".*REL-ERR +REL-TOL +ABS-ERR +NOTE.*"), header);
        String row = t.lines().filter(l -> l.startsWith("cpu")).findFirst().orElseThrow();
        assertTrue(row.matches(".*PASS +2\\.00e-05 +0\\.000300 +0\\.000610.*"), row);
        assertTrue(t.contains("passes when REL-ERR <= REL-TOL"), t);
        assertTrue(t.contains("ABS-ERR = max |got - expected|, shown for information only"), t);
        assertFalse(t.contains("MAX-ABS"), t);
        assertEquals("PASS cpu layer-case fc c forward rel-err=2.00e-05 (rel-tol 0.000300) abs-err=0.000610",
                r.results().get(0).describe());
    }

    @Test
    void jsonHoldsEveryFieldAndEscapesText(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("sub/report.json");
        JsonReport.write(sample(), f);
        JsonNode j = new ObjectMapper().readTree(Files.readString(f));

        assertFalse(j.get("passed").asBoolean(), j::toString);
        assertEquals("{\"pass\":1,\"fail\":1,\"skip\":0,\"xfail\":0,\"xpass\":0}", j.get("summary").get("cpu").toString());
        assertEquals("{\"id\":\"cuda\",\"ran\":false,\"detail\":\"libcuda.so.1 not found\"}",
                j.get("backends").get(1).toString());
        JsonNode pass = j.get("results").get(0);
        assertEquals(List.of("backend", "kind", "layer", "case", "op", "status", "maxAbs", "maxRel", "tolerance",
                "toleranceReason", "message"), fieldNames(pass));
        assertEquals("conv", pass.get("layer").asText());
        assertEquals("a", pass.get("case").asText());
        assertEquals("pass", pass.get("status").asText());
        assertEquals(1e-4, pass.get("tolerance").doubleValue());
        assertEquals("sums of 75 float32 products", pass.get("toleranceReason").asText());
        JsonNode fail = j.get("results").get(1);
        assertEquals(0.25, fail.get("maxRel").doubleValue());
        assertEquals("output of layer 'pool': \"quoted\"\nsecond line", fail.get("message").asText());
        assertTrue(Files.readString(f).contains("\\\"quoted\\\"\\nsecond line"), "escaped in the file");
    }

    @Test
    void unmeasuredAndInfiniteNumbersFollowTheProjectsPolicy() throws Exception {
        // train/README.md: NaN and infinities are the strings "NaN", "Infinity", "-Infinity", never null.
        ConformanceReport r = new ConformanceReport();
        r.add(new CheckResult("cpu", "layer-case", "fc", "c", "forward", Status.FAIL, Double.POSITIVE_INFINITY,
                Double.NEGATIVE_INFINITY, Double.NaN, "", "diverged"));
        JsonNode row = new ObjectMapper().readTree(JsonReport.format(r)).get("results").get(0);
        assertEquals("Infinity", row.get("maxAbs").textValue());
        assertEquals("-Infinity", row.get("maxRel").textValue());
        assertEquals("NaN", row.get("tolerance").textValue());
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
