package org.jconvnet.conformance.report;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jconvnet.conformance.BackendOutcome;
import org.jconvnet.conformance.CheckResult;
import org.jconvnet.conformance.ConformanceReport;
import org.jconvnet.conformance.Status;

/**
 * Writes a report as JSON with Jackson: {@code {"passed":..., "summary":{backend:{status:count}},
 * "backends":[{id, ran, detail}], "results":[{backend, kind, layer, case, op, status, maxAbs, maxRel,
 * tolerance, toleranceReason, message}]}}, statuses in lower case.
 *
 * <p>Numbers follow jconvnet's one policy for JSON (see {@code train/README.md}): NaN, +Infinity and
 * -Infinity are written as the strings {@code "NaN"}, {@code "Infinity"} and {@code "-Infinity"};
 * a number that was not measured (a skipped check) is therefore {@code "NaN"}.
 */
public final class JsonReport {
    /** Indented output; non-finite doubles as strings, stated here rather than left to Jackson's default. */
    private static final ObjectWriter WRITER = JsonMapper.builder()
            .enable(JsonWriteFeature.WRITE_NAN_AS_STRINGS)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .build()
            .writer();

    private JsonReport() {
    }

    /** The whole file. */
    @JsonPropertyOrder({"passed", "summary", "backends", "results"})
    record Document(boolean passed, Map<String, Map<String, Integer>> summary, List<BackendOutcome> backends,
                    List<Result> results) {
    }

    /** One check's row: a {@link CheckResult} with its status in lower case and {@code case} spelt as in the file. */
    @JsonPropertyOrder({"backend", "kind", "layer", "case", "op", "status", "maxAbs", "maxRel", "tolerance",
            "toleranceReason", "message"})
    record Result(String backend, String kind, String layer, @JsonProperty("case") String caseName, String op,
                  String status, double maxAbs, double maxRel, double tolerance, String toleranceReason,
                  String message) {

        static Result of(CheckResult r) {
            return new Result(r.backend(), r.kind(), r.layer(), r.caseName(), r.op(), name(r.status()), r.maxAbs(),
                    r.maxRel(), r.tolerance(), r.toleranceReason(), r.message());
        }
    }

    /** The report as JSON text. */
    public static String format(ConformanceReport report) {
        Map<String, Map<String, Integer>> summary = new LinkedHashMap<>();
        report.countsByBackend().forEach((backend, counts) -> {
            Map<String, Integer> byName = new LinkedHashMap<>();
            counts.forEach((status, n) -> byName.put(name(status), n));
            summary.put(backend, byName);
        });
        Document doc = new Document(!report.failed(), summary, report.backends(),
                report.results().stream().map(Result::of).toList());
        try {
            return WRITER.writeValueAsString(doc) + System.lineSeparator();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot format the conformance report as JSON: " + e.getMessage(), e);
        }
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

    private static String name(Status s) {
        return s.name().toLowerCase(Locale.ROOT);
    }
}
