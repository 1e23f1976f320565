package org.jconvnet.train.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.zip.GZIPOutputStream;
import org.jconvnet.api.JConvNetException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CifarDataTest {
    @TempDir
    Path dir;

    static CifarBatch randomBatch(int number, int n, long seed) {
        Random r = new Random(seed);
        byte[] px = new byte[n * CifarBatch.PIXELS];
        r.nextBytes(px);
        byte[] labels = new byte[n];
        for (int i = 0; i < n; i++) {
            labels[i] = (byte) r.nextInt(10);
        }
        return new CifarBatch(number, "random", px, labels);
    }

    static void writeGz(Path file, byte[] bytes) throws IOException {
        ByteArrayOutputStream bo = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(bo)) {
            gz.write(bytes);
        }
        Files.write(file, bo.toByteArray());
    }

    @Test
    void readsPlainAndGzippedBatchesAndMapsTestBatchToSix() throws IOException {
        CifarBatch a = randomBatch(1, 7, 1);
        CifarBatch t = randomBatch(6, 3, 2);
        Files.write(dir.resolve("data_batch_1.bin"), CifarBatchReader.encode(a));
        writeGz(dir.resolve("test_batch.bin.gz"), CifarBatchReader.encode(t));
        CifarDirectory d = new CifarDirectory(dir);
        assertEquals(List.of(1, 6), List.copyOf(d.available()));
        CifarBatch ra = d.batch(1);
        assertArrayEquals(a.pixels(), ra.pixels());
        assertArrayEquals(a.labels(), ra.labels());
        CifarBatch rt = d.batch(6);
        assertEquals(3, rt.numCases());
        assertArrayEquals(t.pixels(), rt.pixels());
        JConvNetException missing = assertThrows(JConvNetException.class, () -> d.batch(2));
        assertTrue(missing.getMessage().contains("data_batch_2.bin"), missing.getMessage());
    }

    @Test
    void recordLayoutIsLabelThenPlanes() {
        byte[] raw = new byte[CifarBatch.RECORD];
        raw[0] = 7;
        raw[1 + 1024 + 32 * 2 + 5] = (byte) 200; // G plane, row 2, col 5
        CifarBatch b = CifarBatchReader.parse(raw, 1, "x", 10);
        assertEquals(7, b.label(0));
        assertEquals(200, b.pixel(0, 1, 2, 5));
    }

    @Test
    void wrongSizeAndBadLabelNameTheFile() throws IOException {
        Path bad = dir.resolve("data_batch_1.bin");
        Files.write(bad, new byte[CifarBatch.RECORD + 5]);
        JConvNetException e = assertThrows(JConvNetException.class, () -> new CifarDirectory(dir).batch(1));
        assertTrue(e.getMessage().contains(bad.toString()) && e.getMessage().contains("3078"), e.getMessage());
        byte[] raw = new byte[2 * CifarBatch.RECORD];
        raw[CifarBatch.RECORD] = 12;
        Files.write(bad, raw);
        JConvNetException e2 = assertThrows(JConvNetException.class, () -> new CifarDirectory(dir).batch(1));
        assertTrue(e2.getMessage().contains("record 1") && e2.getMessage().contains("label 12"), e2.getMessage());
    }

    @Test
    void emptyDirectoryIsAClearError() {
        JConvNetException e = assertThrows(JConvNetException.class, () -> new CifarDirectory(dir));
        assertTrue(e.getMessage().contains("holds no CIFAR-10 binary batch"), e.getMessage());
    }

    @Test
    void rangesParseLikeCudaConvnet() {
        assertEquals(List.of(1, 2, 3, 4), BatchRange.parse("--train-range", "1-4").batches());
        assertEquals(List.of(5), BatchRange.parse("--test-range", "5").batches());
        assertEquals(List.of(1, 2, 3, 4, 5), BatchRange.parse("--train-range", "1-5").batches());
        assertEquals(List.of(1, 3, 5), BatchRange.parse("--train-range", "1,3,5").batches());
        assertThrows(JConvNetException.class, () -> BatchRange.parse("--train-range", "4-1"));
        assertThrows(JConvNetException.class, () -> BatchRange.parse("--train-range", "0-3"));
        assertThrows(JConvNetException.class, () -> BatchRange.parse("--train-range", "a"));
    }

    @Test
    void meanIsPerPixelOverTheGivenBatches() {
        SyntheticCifar s = new SyntheticCifar(2, 5, 3);
        double[] m = DataMean.compute(s, List.of(1, 2));
        double want = 0;
        for (int b = 1; b <= 2; b++) {
            for (int i = 0; i < 5; i++) {
                want += s.batch(b).pixel(i, 2, 31, 0);
            }
        }
        assertEquals(want / 10, m[2 * 1024 + 31 * 32], 1e-12);
    }

    @Test
    void cifarProviderSlicesCaseFastestMinusMean() {
        CifarBatch b = randomBatch(1, 10, 3);
        double[] mean = new double[CifarBatch.PIXELS];
        for (int d = 0; d < mean.length; d++) {
            mean[d] = d * 0.01 + 0.3;
        }
        ServedBatch s = new CifarProvider(mean).serve(b, ServeMode.TRAIN, 0);
        Map<Integer, double[]> m = s.slice(4, 3);
        double[] img = m.get(0);
        assertEquals(3072 * 3, img.length);
        for (int j = 0; j < 3; j++) {
            int d = (1 * 32 + 7) * 32 + 9;
            assertEquals((float) (b.pixel(4 + j, 1, 7, 9) - mean[d]), img[d * 3 + j], 0.0);
            assertEquals(b.label(4 + j), m.get(1)[j], 0.0);
        }
    }

    @Test
    void centreCropSubtractsCentreMean() {
        CifarBatch b = randomBatch(6, 4, 4);
        double[] mean = new double[CifarBatch.PIXELS];
        for (int d = 0; d < mean.length; d++) {
            mean[d] = (d * 37) % 101;
        }
        CroppedCifarProvider p = new CroppedCifarProvider(mean, 4);
        assertEquals(24, p.imageSize());
        assertEquals(1728, p.dims().dims(0));
        double[] img = p.serve(b, ServeMode.TEST, 0).slice(0, 4).get(0);
        for (int i = 0; i < 4; i++) {
            for (int c = 0; c < 3; c++) {
                for (int y = 0; y < 24; y += 5) {
                    for (int x = 0; x < 24; x += 3) {
                        double m = mean[(c * 32 + 4 + y) * 32 + 4 + x];
                        assertEquals((float) (b.pixel(i, c, 4 + y, 4 + x) - m), img[((c * 24 + y) * 24 + x) * 4 + i], 0.0);
                    }
                }
            }
        }
    }

    @Test
    void trainingCropsAreWithinBorderFlipAndDependOnSeedOnly() {
        CifarBatch b = randomBatch(1, 50, 5);
        double[] mean = new double[CifarBatch.PIXELS];
        CroppedCifarProvider p = new CroppedCifarProvider(mean, 4);
        double[] a1 = p.serve(b, ServeMode.TRAIN, 42).slice(0, 50).get(0);
        double[] a2 = p.serve(b, ServeMode.TRAIN, 42).slice(0, 50).get(0);
        double[] a3 = p.serve(b, ServeMode.TRAIN, 43).slice(0, 50).get(0);
        assertArrayEquals(a1, a2);
        assertNotEquals(java.util.Arrays.hashCode(a1), java.util.Arrays.hashCode(a3));
        int flips = 0;
        for (int i = 0; i < 50; i++) {
            // Find the crop (sy, sx, flip) that explains column i: exactly one must match.
            int matches = 0;
            for (int sy = 0; sy <= 8; sy++) {
                for (int sx = 0; sx <= 8; sx++) {
                    for (int f = 0; f < 2; f++) {
                        double[] col = new double[1728];
                        p.fillCrop(b, i, sy, sx, f == 1, col, 0, 1);
                        boolean same = true;
                        for (int d = 0; d < 1728 && same; d++) {
                            same = col[d] == a1[d * 50 + i];
                        }
                        if (same) {
                            matches++;
                            flips += f;
                        }
                    }
                }
            }
            assertEquals(1, matches, "column " + i);
        }
        assertTrue(flips > 10 && flips < 40, "flips " + flips);
    }

    @Test
    void multiviewIsViewMajorWithFlippedSecondHalf() {
        CifarBatch b = randomBatch(6, 3, 6);
        double[] mean = new double[CifarBatch.PIXELS];
        CroppedCifarProvider p = new CroppedCifarProvider(mean, 4);
        ServedBatch s = p.serve(b, ServeMode.MULTIVIEW, 0);
        assertEquals(30, s.numCases());
        Map<Integer, double[]> m = s.slice(0, 30);
        double[] img = m.get(0);
        int[][] starts = {{0, 0}, {0, 8}, {4, 4}, {8, 0}, {8, 8}};
        for (int v = 0; v < 10; v++) {
            for (int i = 0; i < 3; i++) {
                int col = v * 3 + i;
                assertEquals(b.label(i), m.get(1)[col], 0.0);
                int sy = starts[v % 5][0];
                int sx = starts[v % 5][1];
                int x = 2;
                int srcX = v >= 5 ? sx + 23 - x : sx + x;
                assertEquals(b.pixel(i, 0, sy + 1, srcX), img[((0 * 24 + 1) * 24 + x) * 30 + col], 0.0);
            }
        }
    }

    @Test
    void syntheticDataIsDeterministicAndBalanced() {
        SyntheticCifar s = new SyntheticCifar(5, 40, 20);
        CifarBatch a = s.batch(3);
        CifarBatch b = new SyntheticCifar(5, 40, 20).batch(3);
        assertArrayEquals(a.pixels(), b.pixels());
        assertArrayEquals(a.labels(), b.labels());
        int[] counts = new int[10];
        for (int i = 0; i < 40; i++) {
            counts[a.label(i)]++;
        }
        for (int c : counts) {
            assertEquals(4, c);
        }
        assertEquals(List.of(1, 2, 3, 4, 5, 6), List.copyOf(s.available()));
        assertThrows(JConvNetException.class, () -> s.batch(7));
    }
}
