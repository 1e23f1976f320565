package org.jconvnet.conformance.report;

import static org.jconvnet.api.io.JsonStrings.quote;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.jconvnet.conformance.BackendOutcome;
import org.jconvnet.conformance.CheckResult;
import org.jconvnet.conformance.ConformanceReport;
import org.jconvnet.conformance.Status;

/**
 * Formats a report as JSON: {@code {"passed":..., "summary":{backend:{status:count}},
 * "backends":[...], "results":[{backend, kind, layer, case, op, status, maxAbs, maxRel, tolerance,
 * toleranceReason, message}]}}. Numbers that were not measured are {@code null}; infinities are written as strings.
 */
public final class JsonReport {
    private JsonReport() {
    }

    /** The report as JSON text. */
    public static String format(ConformanceReport report) {
        StringBuilder sb = new StringBuilder();
        sb.append("{\n  \"passed\": ").append(!report.failed()).append(",\n  \"summary\": {");
        boolean first = true;
        for (Map.Entry<String, Map<Status, Integer>> e : report.countsByBackend().entrySet()) {
            sb.append(first ? "\n" : ",\n").append("    ").append(quote(e.getKey())).append(": {");
            boolean f2 = true;
            for (Map.Entry<Status, Integer> c : e.getValue().entrySet()) {
                sb.append(f2 ? "" : ", ").append(quote(c.getKey().name().toLowerCase(java.util.Locale.ROOT)))
                        .append(": ").append(c.getValue());
                f2 = false;
            }
            sb.append('}');
            first = false;
        }
        sb.append(first ? "},\n" : "\n  },\n");
        sb.append("  \"backends\": [");
        first = true;
        for (BackendOutcome b : report.backends()) {
            sb.append(first ? "\n" : ",\n").append("    {\"id\": ").append(quote(b.id()))
                    .append(", \"ran\": ").append(b.ran())
                    .append(", \"detail\": ").append(quote(b.detail())).append('}');
            first = false;
        }
        sb.append(first ? "],\n" : "\n  ],\n");
        sb.append("  \"results\": [");
        first = true;
        for (CheckResult r : report.results()) {
            sb.append(first ? "\n" : ",\n").append("    {")
                    .append("\"backend\": ").append(quote(r.backend()))
                    .append(", \"kind\": ").append(quote(r.kind()))
                    .append(", \"layer\": ").append(quote(r.layer()))
                    .append(", \"case\": ").append(quote(r.caseName()))
                    .append(", \"op\": ").append(quote(r.op()))
                    .append(", \"status\": ").append(quote(r.status().name().toLowerCase(java.util.Locale.ROOT)))
                    .append(", \"maxAbs\": ").append(num(r.maxAbs()))
                    .append(", \"maxRel\": ").append(num(r.maxRel()))
                    .append(", \"tolerance\": ").append(num(r.tolerance()))
                    .append(", \"toleranceReason\": ").append(quote(r.toleranceReason()))
                    .append(", \"message\": ").append(quote(r.message()))
                    .append('}');
            first = false;
        }
        sb.append(first ? "]\n" : "\n  ]\n").append("}\n");
        return sb.toString();
    }

    /** Writes the JSON report to {@code file}, creating parent folders. */
    public static void write(ConformanceReport report, Path file) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.writeString(file, format(report), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the conformance report " + file + ": " + e.getMessage(), e);
        }
    }

    private static String num(double v) {
        if (Double.isNaN(v)) {
            return "null";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "\"Infinity\"" : "\"-Infinity\"";
        }
        return Double.toString(v);
    }
}
