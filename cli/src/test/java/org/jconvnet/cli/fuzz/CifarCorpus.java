package org.jconvnet.cli.fuzz;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.zip.GZIPOutputStream;
import org.jconvnet.cli.ExitCodes;
import org.jconvnet.train.data.CifarBatch;
import org.jconvnet.train.data.CifarBatchReader;
import org.jconvnet.train.data.CifarDirectory;
import org.jconvnet.train.data.DataMean;
import org.jconvnet.train.data.SyntheticCifar;

/**
 * Damaged CIFAR-10 data directories: truncated batches, records of the wrong length, labels out
 * of range, empty, huge and sparse files, plain files named {@code .gz}, damaged gzip, a
 * directory where a batch should be. Each goes through the data API as training uses it (the
 * data mean over the training range, then the batches) and must end in a
 * {@link org.jconvnet.api.JConvNetException} naming the file and the record or size; a subset
 * also goes through {@code jconvnet train} (exit 1, one line, no stack trace).
 */
final class CifarCorpus {
    private static final int IMAGES = 12;

    private final Random random;
    private final List<BadInput> out = new ArrayList<>();

    private CifarCorpus(long seed) {
        this.random = new Random(seed);
    }

    /** A damaged batch file: its name and its bytes, from a valid one. */
    private interface Damage {
        void write(Path file, byte[] valid) throws IOException;
    }

    static List<BadInput> generate(long seed) {
        CifarCorpus c = new CifarCorpus(seed);
        c.batches();
        c.directories();
        return c.out;
    }

    private void batches() {
        int records = IMAGES;
        for (int k = 0; k < 4; k++) {
            int cut = 1 + random.nextInt(CifarBatch.RECORD - 1);
            damage("truncated last record by " + cut, "data_batch_1.bin", 1, Place.all("record " + (records - 1) + " "),
                    (f, b) -> Files.write(f, Arrays.copyOf(b, b.length - cut)));
        }
        int shortLength = 1 + random.nextInt(CifarBatch.RECORD - 1);
        damage("shorter than one record", "data_batch_1.bin", 1, Place.all("record 0 "),
                (f, b) -> Files.write(f, Arrays.copyOf(b, shortLength)));
        damage("CIFAR-100 records (2 label bytes)", "data_batch_1.bin", 1, Place.all("record "),
                (f, b) -> Files.write(f, reRecord(b, 2)));
        damage("records without a label byte", "data_batch_1.bin", 1, Place.all("record "),
                (f, b) -> Files.write(f, reRecord(b, 0)));
        for (int k = 0; k < 4; k++) {
            int record = random.nextInt(records);
            int label = 10 + random.nextInt(246);
            damage("label " + label + " in record " + record, "data_batch_1.bin", 1,
                    Place.all("record " + record + " ", "label " + label),
                    (f, b) -> {
                        byte[] bad = b.clone();
                        bad[record * CifarBatch.RECORD] = (byte) label;
                        Files.write(f, bad);
                    });
        }
        damage("empty", "data_batch_1.bin", 1, Place.all("empty"), (f, b) -> Files.write(f, new byte[0]));
        damage("empty test batch", "test_batch.bin", CifarDirectory.TEST_BATCH, Place.all("empty"),
                (f, b) -> Files.write(f, new byte[0]));
        damage("2 GiB sparse", "data_batch_1.bin", 1, Place.all(String.valueOf(2L << 30)),
                (f, b) -> sparse(f, 2L << 30));
        damage("sparse, more records than a batch holds", "data_batch_1.bin", 1,
                Place.all(String.valueOf(CifarBatchReader.MAX_RECORDS)),
                (f, b) -> sparse(f, (CifarBatchReader.MAX_RECORDS + 1L) * CifarBatch.RECORD));
        damage("sparse, 1 TiB", "data_batch_1.bin", 1, Place.all("bytes"), (f, b) -> sparse(f, 1L << 40));
        damage("not gzip though named .gz", "data_batch_1.bin.gz", 1, Place.all("gzip"), Files::write);
        damage("gzip cut short", "data_batch_1.bin.gz", 1, Place.all("record "), (f, b) -> {
            byte[] gz = gzip(b);
            Files.write(f, Arrays.copyOf(gz, gz.length / 2));
        });
        damage("gzip with a damaged body", "data_batch_1.bin.gz", 1, Place.all("record "), (f, b) -> {
            byte[] gz = gzip(b);
            for (int i = 20; i < gz.length - 8; i += 7) {
                gz[i] ^= (byte) 0x5a;
            }
            Files.write(f, gz);
        });
        damage("gzip of a truncated batch", "data_batch_1.bin.gz", 1, Place.all("record " + (records - 1) + " ", "gunzipped"),
                (f, b) -> Files.write(f, gzip(Arrays.copyOf(b, b.length - 100))));
        damage("gzip of nothing", "data_batch_1.bin.gz", 1, Place.all("no record"), (f, b) -> Files.write(f, gzip(new byte[0])));
        byte[] garbage = new byte[IMAGES * CifarBatch.RECORD + 1 + random.nextInt(100)];
        random.nextBytes(garbage);
        damage("binary garbage", "data_batch_1.bin", 1, Place.all("record "), (f, b) -> Files.write(f, garbage));
        damage("a directory", "data_batch_1.bin", 1, Place.all("directory"), (f, b) -> Files.createDirectories(f));
        damage("a dangling link", "data_batch_1.bin", 1, Place.all("data_batch_1.bin"),
                (f, b) -> Files.createSymbolicLink(f, f.resolveSibling("nowhere")));
        damage("test batch truncated", "test_batch.bin", CifarDirectory.TEST_BATCH, Place.all("record " + (records - 1) + " "),
                (f, b) -> Files.write(f, Arrays.copyOf(b, b.length - 5)));
    }

    /** Whole directories that cannot be a data set. */
    private void directories() {
        out.add(new BadInput("cifar/dir missing", dir -> Judge.api(Place.all("nowhere"),
                () -> new CifarDirectory(dir.resolve("nowhere")))));
        out.add(new BadInput("cifar/dir is a file", dir -> {
            Path f = Files.writeString(dir.resolve("afile"), "x");
            return Judge.api(Place.all("afile"), () -> new CifarDirectory(f));
        }));
        out.add(new BadInput("cifar/dir empty", dir -> Judge.api(Place.all(dir.toString()), () -> new CifarDirectory(dir))));
        out.add(new BadInput("cifar/dir batch missing from the range", dir -> {
            Path data = valid(dir);
            Files.delete(data.resolve("data_batch_1.bin"));
            return Judge.api(Place.all("data_batch_1.bin"), () -> DataMean.compute(new CifarDirectory(data), List.of(1)));
        }));
        out.add(new BadInput("cifar/dir empty class list", dir -> {
            Path data = valid(dir);
            Files.writeString(data.resolve("batches.meta.txt"), "\n\n");
            return Judge.api(Place.all("batches.meta.txt"), () -> new CifarDirectory(data));
        }));
        out.add(new BadInput("cifar/dir 3 classes, labels up to 9", dir -> {
            Path data = valid(dir);
            Files.writeString(data.resolve("batches.meta.txt"), "a\nb\nc\n");
            return Judge.api(Place.all("data_batch_1.bin", "record "), () -> DataMean.compute(new CifarDirectory(data), List.of(1)));
        }));
        // A --data-path that names nothing is a usage error (exit 2), checked while parsing.
        out.add(new BadInput("cifar/cli data path missing", dir -> train(ExitCodes.USAGE_ERROR, dir.resolve("nowhere"),
                Place.all("nowhere"))));
    }

    /**
     * Adds one damaged batch twice: through the API (the data mean over batch 1, then the batch
     * itself), and, for the first of each kind, through {@code jconvnet train}.
     */
    private void damage(String what, String fileName, int batch, Place place, Damage damage) {
        Place named = Place.all(fileName).and(place);
        out.add(new BadInput("cifar/" + what, dir -> {
            Path data = valid(dir);
            Files.deleteIfExists(data.resolve(fileName.replace(".gz", "")));
            damage.write(data.resolve(fileName), Files.readAllBytes(validCopy(dir, batch)));
            return Judge.api(named, () -> {
                CifarDirectory d = new CifarDirectory(data);
                DataMean.compute(d, List.of(1));
                return d.batch(batch);
            });
        }));
        out.add(new BadInput("cifar/cli " + what, dir -> {
            Path data = valid(dir);
            Files.deleteIfExists(data.resolve(fileName.replace(".gz", "")));
            damage.write(data.resolve(fileName), Files.readAllBytes(validCopy(dir, batch)));
            return train(data, named);
        }));
    }

    /** {@code jconvnet train} of the tiny net on {@code data} for one epoch; a data error exits 1. */
    private static Optional<String> train(Path data, Place place) throws URISyntaxException {
        return train(ExitCodes.RUNTIME_ERROR, data, place);
    }

    private static Optional<String> train(int exit, Path data, Place place) throws URISyntaxException {
        String net = Path.of(CifarCorpus.class.getResource("/org/jconvnet/cli/train/layers-tiny.cfg").toURI()).toString();
        return Judge.cli(exit, place, "train", "--backend", "cpu", "--data-path", data.toString(),
                "--layer-def", net, "--train-range", "1", "--test-range", "6", "--epochs", "1", "--mini", "4",
                "--test-freq", "1", "--save-path", data.resolveSibling("save").toString(), "--save-name", "run");
    }

    /** A valid data directory under {@code dir}: batches 1 and 6 of {@link #IMAGES} images. */
    static Path valid(Path dir) throws IOException {
        Path data = Files.createDirectories(dir.resolve("data"));
        SyntheticCifar s = new SyntheticCifar(1, IMAGES, IMAGES);
        Files.write(data.resolve("data_batch_1.bin"), CifarBatchReader.encode(s.batch(1)));
        Files.write(data.resolve("test_batch.bin"), CifarBatchReader.encode(s.batch(CifarDirectory.TEST_BATCH)));
        return data;
    }

    private static Path validCopy(Path dir, int batch) throws IOException {
        Path p = dir.resolve("valid-" + batch + ".bin");
        Files.write(p, CifarBatchReader.encode(new SyntheticCifar(1, IMAGES, IMAGES).batch(batch)));
        return p;
    }

    /** The same images with {@code labelBytes} label bytes per record instead of 1. */
    private static byte[] reRecord(byte[] valid, int labelBytes) {
        int n = valid.length / CifarBatch.RECORD;
        byte[] out = new byte[n * (labelBytes + CifarBatch.PIXELS)];
        for (int i = 0; i < n; i++) {
            int at = i * (labelBytes + CifarBatch.PIXELS);
            for (int l = 0; l < labelBytes; l++) {
                out[at + l] = valid[i * CifarBatch.RECORD];
            }
            System.arraycopy(valid, i * CifarBatch.RECORD + 1, out, at + labelBytes, CifarBatch.PIXELS);
        }
        return out;
    }

    private static void sparse(Path f, long bytes) throws IOException {
        try (RandomAccessFile r = new RandomAccessFile(f.toFile(), "rw")) {
            r.setLength(bytes);
        }
    }

    private static byte[] gzip(byte[] b) throws IOException {
        ByteArrayOutputStream bo = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(bo)) {
            gz.write(b);
        }
        return bo.toByteArray();
    }
}
