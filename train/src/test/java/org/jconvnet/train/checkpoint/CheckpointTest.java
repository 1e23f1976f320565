package org.jconvnet.train.checkpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.jconvnet.api.JConvNetException;
import org.jconvnet.api.io.Npy;
import org.jconvnet.api.io.NpyArray;
import org.jconvnet.train.metrics.TrainJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckpointTest {
    @TempDir
    Path root;

    @Test
    void roundTripsAndUsesCudaConvnetFileNamesAndOrders() throws IOException {
        Path dir = new CheckpointWriter().write(root, SyntheticCheckpoints.make(7, 40));
        assertEquals("2.3", dir.getFileName().toString());
        assertEquals("2.3", Files.readString(root.resolve("latest")).trim());
        for (String f : List.of("conv1.weights.npy", "conv1.weights.inc.npy", "conv1.biases.npy",
                "fc10.weights.0.npy", "fc10.weights.1.inc.npy", "manifest.json", "layer-def.cfg", "data-mean.npy")) {
            assertTrue(Files.isRegularFile(dir.resolve(f)), f);
        }
        NpyArray fc = Npy.read(dir.resolve("fc10.weights.0.npy"));
        assertTrue(fc.fortranOrder());
        assertEquals("(20, 10)", fc.shapeText());
        assertFalse(Npy.read(dir.resolve("conv1.weights.npy")).fortranOrder());
        SyntheticCheckpoints.verify(CheckpointReader.loadLatest(root, s -> { }), 40);
        SyntheticCheckpoints.verify(CheckpointReader.loadLatest(dir, s -> { }), 40);
        assertEquals(2, TrainJson.tree(Files.readString(dir.resolve("manifest.json")), "m").get("epoch").asInt());
    }

    @Test
    void keepsOnlyTheNewestAndSortsNumerically() throws IOException {
        CheckpointWriter w = new CheckpointWriter();
        for (long s : new long[] {3, 44, 45}) {
            w.write(root, SyntheticCheckpoints.make(s, 10));
        }
        assertEquals(List.of("10.1"), CheckpointReader.committed(root));
        assertEquals(List.of("10.1", "9.5", "2.1"), sorted(List.of("2.1", "10.1", "9.5")));
        try (Stream<Path> s = Files.list(root)) {
            assertEquals(List.of("10.1", "latest"), s.map(p -> p.getFileName().toString()).sorted().toList());
        }
    }

    private static List<String> sorted(List<String> names) {
        List<String> l = new ArrayList<>(names);
        l.sort(CheckpointLayout.BY_AGE.reversed());
        return l;
    }

    @Test
    void damagedLatestFallsBackToAnOlderGoodOne() throws IOException {
        CheckpointWriter keep2 = new CheckpointWriter(CheckpointFs.DURABLE, 2);
        keep2.write(root, SyntheticCheckpoints.make(4, 10));
        Path newest = keep2.write(root, SyntheticCheckpoints.make(5, 10));
        byte[] b = Files.readAllBytes(newest.resolve("conv1.weights.npy"));
        b[b.length - 1] ^= 1;
        Files.write(newest.resolve("conv1.weights.npy"), b);
        List<String> warnings = new ArrayList<>();
        Checkpoint cp = CheckpointReader.loadLatest(root, warnings::add);
        assertEquals(4, SyntheticCheckpoints.verify(cp, 10));
        assertTrue(warnings.get(0).contains("CRC-32"), warnings.toString());
        Files.writeString(newest.resolve("manifest.json"), "{");
        JConvNetException e = assertThrows(JConvNetException.class, () -> CheckpointReader.load(newest));
        assertTrue(e.getMessage().contains("manifest.json"), e.getMessage());
    }

    @Test
    void emptyDirectoryIsAClearError() {
        JConvNetException e = assertThrows(JConvNetException.class, () -> CheckpointReader.loadLatest(root, s -> { }));
        assertTrue(e.getMessage().contains("no loadable checkpoint"), e.getMessage());
    }
}
