package org.jconvnet.cli.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jconvnet.cli.Cli;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code jconvnet conformance} end to end on cheap selections (the suite itself is tested in the
 * conformance-tests module): exit codes, the text table, the JSON report.
 */
class ConformanceCommandTest {

    private static String[] run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = new Cli(new PrintWriter(out, true), new PrintWriter(err, true)).execute(args);
        return new String[] {String.valueOf(code), out.toString(), err.toString()};
    }

    @Test
    void anUnknownBackendFailsWithTheKnownOnesAndStillWritesTheReport(@TempDir Path dir) throws Exception {
        Path report = dir.resolve("report.json");
        String[] r = run("conformance", "--backend", "nosuch", "--no-reference-checks", "--report", report.toString());
        assertEquals("1", r[0], r[1] + r[2]);
        assertTrue(r[1].contains("unknown backend 'nosuch'; discovered backends: "), r[1]);
        assertTrue(r[1].contains("conformance FAILED"), r[1]);
        JsonNode json = new ObjectMapper().readTree(Files.readString(report));
        assertFalse(json.get("passed").asBoolean(), json::toString);
        assertEquals("nosuch", json.get("results").get(0).get("backend").asText(), json::toString);
    }

    @Test
    void anUnavailableBackendIsSkippedUnlessRequired() {
        // cuda has no driver on build machines; on a GPU machine it would run, so only check the shape there.
        String[] skipped = run("conformance", "--backend", "cuda", "--no-reference-checks");
        if (skipped[1].contains("cuda       ran")) {
            return;
        }
        assertEquals("0", skipped[0], skipped[1] + skipped[2]);
        assertTrue(skipped[1].contains("cuda       skipped"), skipped[1]);
        String[] required = run("conformance", "--backend", "cuda", "--require", "cuda", "--no-reference-checks");
        assertEquals("1", required[0], required[1] + required[2]);
        assertTrue(required[1].contains("required (--require or -Djconvnet.conformance.require) but unavailable"), required[1]);
    }

    @Test
    void helpListsTheOptions() {
        String[] r = run("conformance", "--help");
        assertEquals("0", r[0]);
        for (String opt : new String[] {"--backend", "--require", "--report", "--no-reference-checks", "--no-whole-net"}) {
            assertTrue(r[1].contains(opt), opt + " missing from:\n" + r[1]);
        }
    }
}
