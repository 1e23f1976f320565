package org.jconvnet.train.bench;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jconvnet.api.JConvNetException;
import org.jconvnet.train.metrics.TrainJson;

/**
 * The file {@code jconvnet bench --json FILE} writes: the host's sgemm peak measured at the start
 * of the run, one {@link BenchResult} per backend and net, and the backends that could not start.
 * Written with the train module's Jackson set-up, so non-finite numbers follow the project's one
 * policy (train/README.md): {@code "NaN"}, {@code "Infinity"}, {@code "-Infinity"} as strings.
 *
 * @param tool         always {@code jconvnet bench}
 * @param formatVersion this file's format version (1)
 * @param date         when the run started, ISO-8601 UTC
 * @param host         the host's CPU and core count
 * @param hostPeak     the host's sgemm GFLOP/s, NaN when unknown
 * @param hostPeakSource what measured it, or why it is unknown
 * @param results      one object per backend and net, in measurement order
 * @param unavailable  backends that could not start, with the reason
 */
public record BenchReport(
        @JsonProperty("tool") String tool,
        @JsonProperty("format_version") int formatVersion,
        @JsonProperty("date") String date,
        @JsonProperty("host") String host,
        @JsonProperty("host_sgemm_peak_gflops") double hostPeak,
        @JsonProperty("host_sgemm_peak_source") String hostPeakSource,
        @JsonProperty("results") List<BenchResult> results,
        @JsonProperty("unavailable") List<Unavailable> unavailable) {

    /** The format version this code writes. */
    public static final int FORMAT_VERSION = 1;

    /** A backend that could not start, and why. */
    public record Unavailable(@JsonProperty("backend") String backend, @JsonProperty("net") String net,
                              @JsonProperty("reason") String reason) {
    }

    /** Writes the report, indented, creating missing parent folders. */
    public void write(Path file) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.writeString(file, TrainJson.pretty(this), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new JConvNetException("cannot write the bench report " + file + ": " + e.getMessage(), e);
        }
    }
}
