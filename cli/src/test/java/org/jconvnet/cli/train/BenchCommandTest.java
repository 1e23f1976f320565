package org.jconvnet.cli.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jconvnet.cli.train.TrainCommandsTest.Run;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code jconvnet bench --json}: one object per backend and net, with the spread, the FLOP rate and the peak. */
class BenchCommandTest {
    @TempDir
    Path tmp;

    @Test
    void jsonHasOneObjectPerBackendAndNetWithMedianSpreadAndShareOfPeak() throws IOException, URISyntaxException {
        String tiny = Path.of(getClass().getResource("layers-tiny.cfg").toURI()).toString();
        Path json = tmp.resolve("out/bench.json");
        Run bench = TrainCommandsTest.run("bench", "--backend", "cpu,nosuch", "--layer-def", tiny + "," + tiny,
                "--mini", "4", "--minibatches", "1", "--warmup", "0", "--repeats", "3", "--json", json.toString());
        assertEquals(1, bench.code(), bench.toString());
        assertTrue(bench.out().contains("FWD IMG/S") && bench.out().startsWith("host sgemm peak: "), bench.out());

        JsonNode root = new ObjectMapper().readTree(json.toFile());
        assertEquals("jconvnet bench", root.get("tool").asText());
        // The probe module is on the CLI's class path: the host peak was measured in this run.
        assertTrue(root.get("host_sgemm_peak_gflops").asDouble() > 0, root.toString());
        assertEquals(2, root.get("results").size(), root.toString());
        assertEquals(2, root.get("unavailable").size(), root.toString());
        assertEquals("nosuch", root.get("unavailable").get(0).get("backend").asText());
        for (JsonNode r : root.get("results")) {
            assertEquals("cpu", r.get("backend").asText());
            assertEquals(4, r.get("mini").asInt());
            assertEquals(3, r.get("repeats").asInt());
            assertEquals(3, r.get("train_images_per_s_samples").size());
            double median = r.get("train_images_per_s").asDouble();
            assertTrue(r.get("train_images_per_s_min").asDouble() <= median
                    && median <= r.get("train_images_per_s_max").asDouble(), r.toString());
            assertTrue(r.get("forward_images_per_s").asDouble() > 0, r.toString());
            // conv1: 8x8 modules of 4 filters over 3x4x4, + bias; relu; fc 64 -> 10, + bias; softmax 3 per output.
            long forward = 2L * 64 * 4 * 48 + 256 + 256 + 2L * 256 * 10 + 10 + 30;
            assertEquals(forward, r.get("forward_flops_per_image").asLong());
            assertEquals(3 * forward, r.get("train_flops_per_image").asLong());
            assertEquals(median * 3 * forward / 1e9, r.get("train_gflops").asDouble(), 1e-9 * median * forward);
            // The CPU reference computes on the host: its peak is the host's, measured in this run.
            assertEquals(root.get("host_sgemm_peak_gflops").asDouble(), r.get("peak_gflops").asDouble());
            assertEquals(r.get("train_gflops").asDouble() / r.get("peak_gflops").asDouble(),
                    r.get("train_share_of_peak").asDouble(), 1e-12);
        }
        assertTrue(Files.readString(json).endsWith("\n"));
    }

    @Test
    void repeatsBelowOneIsAUsageError() {
        Run bench = TrainCommandsTest.run("bench", "--backend", "cpu", "--repeats", "0");
        assertEquals(2, bench.code(), bench.toString());
        assertTrue(bench.err().contains("'--repeats': must be at least 1"), bench.err());
    }
}
