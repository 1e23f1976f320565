package org.jconvnet.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.jconvnet.api.tensor.MatrixOrder;
import org.jconvnet.train.checkpoint.Checkpoint;
import org.jconvnet.train.checkpoint.CheckpointReader;
import org.jconvnet.train.checkpoint.SavedParam;
import org.jconvnet.train.run.DivergenceException;
import org.jconvnet.train.run.DivergenceGuard;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The divergence guard on a real run: the tiny net on the embedded synthetic set, whose
 * layer-params file is switched to {@code epsW=50} mid-run. The run must stop with a message naming
 * the layer and the minibatch, write nothing after that point, and leave the last good checkpoint
 * as the latest, byte for byte.
 */
class DivergenceTest {
    @TempDir
    Path tmp;
    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final TrainingJob job = TrainingJob.withDiscoveredBackends(new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));

    private Path netWithParams(String eps) throws IOException {
        return TinyData.tinyNet(tmp.resolve("net"), eps);
    }

    private TrainOptions.Builder embedded(Path def, String name) {
        return TrainOptions.builder().layerDef(def.toString()).trainRange("1-5").testRange("6").mini(16).seed(11L)
                .backend("cpu").testFreq(1).savePath(tmp.resolve("save")).saveName(name);
    }

    @Test
    void aNonFiniteCostStopsTheRunNamesLayerAndMinibatchAndKeepsTheLastGoodCheckpoint() throws IOException {
        Path def = netWithParams("0.0001");
        TrainingJob.Result good;
        try {
            good = job.train(embedded(def, "run").epochs(1).build());
        } catch (RuntimeException x) {
            throw new AssertionError(out.toString(StandardCharsets.UTF_8), x);
        }
        Path run = good.saveDir();
        Checkpoint before = CheckpointReader.loadLatest(run, s -> { });
        Map<String, byte[]> latestBytes = files(run.resolve(before.name()));
        List<String> entriesBefore = entries(run);

        // Much too large a learning rate, as in the issue (epsW=50); the params file is re-read on resume.
        netWithParams("50");
        DivergenceException e = assertThrows(DivergenceException.class,
                () -> job.train(TrainOptions.builder().loadFrom(run).backend("cpu").epochs(3).build()));
        String m = e.getMessage();
        assertTrue(m.matches("training diverged: .* at minibatch \\d+ of 10 \\(cases \\d+-\\d+\\) of batch \\d+\\.\\d+; "
                + "first non-finite value: .*(conv1|fc10|probs|logprob).*") || m.matches("training diverged: parameter "
                + "(conv1|fc10)\\.\\w+ holds .* after batch \\d+\\.\\d+ .*"), m);
        assertTrue(m.contains("lower the learning rates"), m);
        assertTrue(m.endsWith("the latest checkpoint is still " + run.resolve(before.name()) + " (intact)"), m);

        // Nothing written after the divergence: the same latest, byte for byte, and no other checkpoint.
        Checkpoint after = CheckpointReader.loadLatest(run, s -> { });
        assertEquals(before.name(), after.name());
        Map<String, byte[]> now = files(run.resolve(before.name()));
        assertEquals(latestBytes.keySet(), now.keySet());
        latestBytes.forEach((f, bytes) -> assertArrayEquals(bytes, now.get(f), f));
        assertEquals(entriesBefore, entries(run));
        for (SavedParam p : after.params()) {
            for (double v : p.values()) {
                assertTrue(Double.isFinite(v), p.fileName());
            }
        }
    }

    @Test
    void aFreshRunThatDivergesBeforeItsFirstCheckpointLeavesNoRunDirectory() throws IOException {
        Path def = netWithParams("50");
        assertThrows(DivergenceException.class, () -> job.train(embedded(def, "doomed").testFreq(100).epochs(3).build()));
        assertFalse(Files.exists(tmp.resolve("save")), "no stray run directory");
    }

    @Test
    void aSnapshotWithANonFiniteParameterOrMomentumIsNeverSaved() {
        SavedParam fine = new SavedParam("conv1", "weights", 1, 2, MatrixOrder.C, new double[] {1, 2}, new double[] {0, 0});
        DivergenceGuard.requireFinite(List.of(fine), "batch 1.1");
        SavedParam nan = new SavedParam("fc10", "weights", 1, 2, MatrixOrder.FORTRAN, new double[] {1, Double.NaN},
                new double[] {0, 0});
        DivergenceException e = assertThrows(DivergenceException.class,
                () -> DivergenceGuard.requireFinite(List.of(fine, nan), "batch 2.3"));
        assertTrue(e.getMessage().startsWith("training diverged: parameter fc10.weights holds NaN (1 of 2 values not finite)"
                + " after batch 2.3"), e.getMessage());
        SavedParam inf = new SavedParam("fc10", "biases", 1, 1, MatrixOrder.C, new double[] {0},
                new double[] {Double.NEGATIVE_INFINITY});
        e = assertThrows(DivergenceException.class, () -> DivergenceGuard.requireFinite(List.of(inf), "batch 1.1"));
        assertTrue(e.getMessage().contains("the momentum of parameter fc10.biases holds -Infinity"), e.getMessage());
    }

    private static Map<String, byte[]> files(Path dir) throws IOException {
        Map<String, byte[]> m = new TreeMap<>();
        try (Stream<Path> s = Files.list(dir)) {
            for (Path p : s.toList()) {
                m.put(p.getFileName().toString(), Files.readAllBytes(p));
            }
        }
        return m;
    }

    private static List<String> entries(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            List<String> names = new ArrayList<>(s.map(p -> p.getFileName().toString()).filter(n -> !n.equals("metrics.jsonl")).toList());
            names.sort(null);
            return names;
        }
    }
}
