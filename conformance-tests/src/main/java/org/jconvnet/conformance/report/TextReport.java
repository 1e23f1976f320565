package org.jconvnet.conformance.report;

import java.util.List;
import org.jconvnet.conformance.BackendOutcome;
import org.jconvnet.conformance.CheckResult;
import org.jconvnet.conformance.ConformanceReport;

/** Formats a report as the plain-text table {@code jconvnet conformance} prints. */
public final class TextReport {
    /**
     * Says which figure the tolerance bounds: without it, a row such as {@code 0.000610 0.000300 PASS} reads
     * as an error above its tolerance when only the (unbounded) absolute error is larger.
     */
    static final String LEGEND = "REL-ERR = max |got - expected| / max |expected|; a check passes when REL-ERR <= "
            + "REL-TOL. ABS-ERR = max |got - expected|, shown for information only (no tolerance applies to it).\n";

    private TextReport() {
    }

    /**
     * The whole report: backends, then one row per check and a legend of its figures, then failures with their full messages,
     * then the per-backend counts.
     */
    public static String format(ConformanceReport report) {
        StringBuilder sb = new StringBuilder();
        sb.append("Backends:\n");
        for (BackendOutcome b : report.backends()) {
            sb.append(String.format("  %-10s %-8s %s%n", b.id(), b.ran() ? "ran" : "skipped", b.detail()));
        }
        List<CheckResult> rows = report.results();
        int[] w = {7, 4, 5, 4, 2};
        for (CheckResult r : rows) {
            w[0] = Math.max(w[0], r.backend().length());
            w[1] = Math.max(w[1], r.kind().length());
            w[2] = Math.max(w[2], r.layer().length());
            w[3] = Math.max(w[3], r.caseName().length());
            w[4] = Math.max(w[4], r.op().length());
        }
        String fmt = "%-" + w[0] + "s  %-" + w[1] + "s  %-" + w[2] + "s  %-" + w[3] + "s  %-" + w[4]
                + "s  %-6s  %10s  %10s  %10s  %s%n";
        sb.append('\n').append(String.format(fmt, "BACKEND", "KIND", "LAYER", "CASE", "OP", "STATUS",
                "REL-ERR", "REL-TOL", "ABS-ERR", "NOTE"));
        for (CheckResult r : rows) {
            sb.append(String.format(fmt, r.backend(), r.kind(), r.layer(), r.caseName(), r.op(), r.status(),
                    num(r.maxRel()), num(r.tolerance()), num(r.maxAbs()), shorten(r.message(), 100)));
        }
        sb.append(LEGEND);
        List<CheckResult> failures = report.failures();
        if (!failures.isEmpty()) {
            sb.append("\nFailures:\n");
            for (CheckResult f : failures) {
                sb.append("  ").append(f.describe()).append('\n');
            }
        }
        sb.append('\n').append(report.summary());
        return sb.toString();
    }

    private static String num(double v) {
        return Double.isNaN(v) ? "-" : String.format("%.3g", v);
    }

    private static String shorten(String s, int max) {
        String one = s.replace('\n', ' ');
        return one.length() <= max ? one : one.substring(0, max - 3) + "...";
    }
}
