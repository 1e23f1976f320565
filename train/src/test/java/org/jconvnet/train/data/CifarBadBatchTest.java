package org.jconvnet.train.data;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.jconvnet.api.JConvNetException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Batch files that cannot be CIFAR-10 batches are refused by name, before they exhaust the heap (issue 13). */
class CifarBadBatchTest {
    @TempDir
    Path dir;

    private static void contains(String message, String... words) {
        for (String w : words) {
            assertTrue(message.contains(w), "'" + w + "' missing from: " + message);
        }
    }

    private static Path sparse(Path file, long bytes) throws IOException {
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
            f.setLength(bytes); // holes: costs no disk, and used to cost as much heap
        }
        return file;
    }

    @Test
    void aHugeSparseFileIsRefusedByItsSizeBeforeAnythingIsRead() throws IOException {
        Path huge = sparse(dir.resolve("data_batch_1.bin"), 2L << 30);
        CifarDirectory d = new CifarDirectory(dir);
        JConvNetException e = assertTimeoutPreemptively(Duration.ofSeconds(10),
                () -> assertThrows(JConvNetException.class, () -> DataMean.compute(d, List.of(1))));
        // 2 GiB is not a whole number of records: the last one is cut off.
        contains(e.getMessage(), huge.toString(), String.valueOf(2L << 30), "record " + (2L << 30) / CifarBatch.RECORD + " ");
    }

    @Test
    void aFileOfMoreRecordsThanABatchMayHoldIsRefusedBeforeAnythingIsRead() throws IOException {
        long bytes = (CifarBatchReader.MAX_RECORDS + 1L) * CifarBatch.RECORD;
        Path huge = sparse(dir.resolve("data_batch_1.bin"), bytes);
        CifarDirectory d = new CifarDirectory(dir);
        JConvNetException e = assertTimeoutPreemptively(Duration.ofSeconds(10),
                () -> assertThrows(JConvNetException.class, () -> DataMean.compute(d, List.of(1))));
        contains(e.getMessage(), huge.toString(), String.valueOf(bytes), String.valueOf(CifarBatchReader.MAX_RECORDS));
    }

    @Test
    void aTruncatedLastRecordIsNamedWithExpectedAndActualBytes() throws IOException {
        Path cut = dir.resolve("data_batch_1.bin");
        Files.write(cut, new byte[3 * CifarBatch.RECORD + 100]);
        JConvNetException e = assertThrows(JConvNetException.class, () -> new CifarDirectory(dir).batch(1));
        contains(e.getMessage(), cut.toString(), "record 3 ", "cut off", "expected " + CifarBatch.RECORD + " bytes", "got 100");
    }

    @Test
    void aTruncatedGzippedBatchNamesTheRecordToo() throws IOException {
        Path cut = dir.resolve("data_batch_1.bin.gz");
        CifarDataTest.writeGz(cut, new byte[2 * CifarBatch.RECORD + 7]);
        JConvNetException e = assertThrows(JConvNetException.class, () -> new CifarDirectory(dir).batch(1));
        contains(e.getMessage(), cut.toString(), "record 2 ", "got 7", "once gunzipped");
    }

    @Test
    void aFileNamedGzThatIsNotGzipSaysSo() throws IOException {
        Path plain = dir.resolve("data_batch_1.bin.gz");
        Files.write(plain, new byte[CifarBatch.RECORD]);
        JConvNetException e = assertThrows(JConvNetException.class, () -> new CifarDirectory(dir).batch(1));
        contains(e.getMessage(), plain.toString(), "not a gzip file");
    }

    @Test
    void aDirectoryWhereABatchShouldBeIsNamed() throws IOException {
        Files.createDirectories(dir.resolve("data_batch_1.bin"));
        JConvNetException e = assertThrows(JConvNetException.class, () -> new CifarDirectory(dir).batch(1));
        contains(e.getMessage(), dir.resolve("data_batch_1.bin").toString(), "is a directory");
    }

    @Test
    void anEmptyFileIsNamed() throws IOException {
        Path empty = dir.resolve("test_batch.bin");
        Files.write(empty, new byte[0]);
        JConvNetException e = assertThrows(JConvNetException.class, () -> new CifarDirectory(dir).batch(6));
        contains(e.getMessage(), empty.toString(), "empty");
    }
}
