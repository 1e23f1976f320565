package org.jconvnet.train.data;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;
import org.jconvnet.api.JConvNetException;

/**
 * Reads one CIFAR-10 binary batch file (cuda-convnet.md §6.4): records of 1 label byte and 3072 pixel
 * bytes with no header or delimiter. A name ending in {@code .gz} is gunzipped first. A file may
 * hold any positive number of whole records (the official ones hold 10000), up to
 * {@link #MAX_RECORDS}. Errors name the file and the problem: the record that is cut off or
 * carries a bad label, a size that cannot be a batch, a file that is not gzip though named so.
 *
 * <p>A plain file's size is checked before anything is read, so a huge (e.g. sparse) file is
 * refused at once instead of exhausting the heap; a gzipped one is refused as soon as it inflates
 * past the limit.
 */
public final class CifarBatchReader {
    /**
     * The most records one batch may hold: its pixels must fit one Java array. This is 699,050
     * records, 70 times an official batch.
     */
    public static final int MAX_RECORDS = (Integer.MAX_VALUE - 8) / CifarBatch.PIXELS;

    private CifarBatchReader() {
    }

    /**
     * Reads {@code file} as batch {@code number}.
     *
     * @param numClasses labels must be below this (10 for CIFAR-10)
     * @throws JConvNetException naming the file when it is not a readable CIFAR-10 batch
     */
    public static CifarBatch read(Path file, int number, int numClasses) {
        String name = file.toString();
        if (Files.isDirectory(file)) {
            throw new JConvNetException(name + ": is a directory, not a CIFAR-10 batch file");
        }
        boolean gzipped = file.getFileName().toString().endsWith(".gz");
        int capacity;
        try {
            long size = Files.size(file);
            capacity = gzipped ? 0 : checkPlainSize(name, size);
        } catch (NoSuchFileException e) {
            throw new JConvNetException(name + ": no such file (a link to a missing file?)", e);
        } catch (IOException e) {
            throw new JConvNetException("cannot read CIFAR batch " + name + ": " + e, e);
        }
        try (InputStream in = open(file, gzipped)) {
            return readRecords(in, capacity, number, name, numClasses);
        } catch (IOException e) {
            throw new JConvNetException("cannot read CIFAR batch " + name + ": " + e.getMessage(), e);
        }
    }

    /** The record count of a plain batch file of {@code size} bytes, which must be whole records within the limit. */
    private static int checkPlainSize(String name, long size) {
        if (size == 0) {
            throw new JConvNetException(name + ": the file is empty; a CIFAR-10 batch holds at least one "
                    + CifarBatch.RECORD + "-byte record");
        }
        long records = size / CifarBatch.RECORD;
        if (records > MAX_RECORDS) {
            throw new JConvNetException(name + ": size " + size + " bytes would be " + records + " CIFAR-10 records, more than the "
                    + MAX_RECORDS + " one batch may hold (" + (long) MAX_RECORDS * CifarBatch.RECORD
                    + " bytes); this is not a CIFAR-10 binary batch (an official one is "
                    + 10000L * CifarBatch.RECORD + " bytes)");
        }
        long cut = size % CifarBatch.RECORD;
        if (cut != 0) {
            throw truncated(name, records, cut, size, false);
        }
        return (int) records;
    }

    /** The last record, number {@code record} (from 0), has only {@code got} of its bytes. */
    private static JConvNetException truncated(String name, long record, long got, long total, boolean gunzipped) {
        return new JConvNetException(name + ": record " + record + " (byte offset " + record * CifarBatch.RECORD
                + ") is cut off: expected " + CifarBatch.RECORD + " bytes (1 label byte + " + CifarBatch.PIXELS
                + " pixel bytes), got " + got + " (the file holds " + total + " bytes" + (gunzipped ? " once gunzipped" : "")
                + ", not a multiple of " + CifarBatch.RECORD + "); the file is truncated or not a CIFAR-10 binary batch");
    }

    private static InputStream open(Path file, boolean gzipped) throws IOException {
        InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
        if (gzipped) {
            try {
                return new GZIPInputStream(in, 1 << 16);
            } catch (IOException e) {
                in.close();
                throw new IOException("not a gzip file, though its name ends in .gz (" + e.getMessage() + ")", e);
            }
        }
        return in;
    }

    /**
     * Reads whole records until the end of {@code in}, straight into the label and pixel arrays
     * (no copy of the whole file is held).
     *
     * @param capacity the expected record count, or 0 when unknown (gzip)
     */
    private static CifarBatch readRecords(InputStream in, int capacity, int number, String name, int numClasses)
            throws IOException {
        int initial = capacity > 0 ? capacity : 1024;
        byte[] labels = allocate(name, initial, 1);
        byte[] pixels = allocate(name, initial, CifarBatch.PIXELS);
        byte[] record = new byte[CifarBatch.RECORD];
        int n = 0;
        while (true) {
            int got;
            try {
                got = in.readNBytes(record, 0, record.length);
            } catch (IOException e) {
                // A damaged or cut-off gzip stream: say how far the good data went.
                throw new JConvNetException(name + ": cannot read record " + n + " (byte offset "
                        + (long) n * CifarBatch.RECORD + (capacity == 0 ? " once gunzipped" : "") + "): " + e.getMessage(), e);
            }
            if (got == 0) {
                break;
            }
            if (got < record.length) {
                throw truncated(name, n, got, (long) n * CifarBatch.RECORD + got, capacity == 0);
            }
            if (n == MAX_RECORDS) {
                throw new JConvNetException(name + ": holds more than " + MAX_RECORDS
                        + " CIFAR-10 records, the most one batch may hold; this is not a CIFAR-10 binary batch");
            }
            if (n == labels.length) {
                int grown = (int) Math.min(MAX_RECORDS, 2L * labels.length);
                labels = Arrays.copyOf(labels, grown);
                pixels = grow(name, pixels, grown);
            }
            int label = record[0] & 0xff;
            if (label >= numClasses) {
                throw badLabel(name, n, label, numClasses);
            }
            labels[n] = (byte) label;
            System.arraycopy(record, 1, pixels, n * CifarBatch.PIXELS, CifarBatch.PIXELS);
            n++;
        }
        if (n == 0) {
            throw new JConvNetException(name + ": holds no record (it is empty once "
                    + (capacity == 0 ? "gunzipped" : "read") + "); a CIFAR-10 batch holds at least one "
                    + CifarBatch.RECORD + "-byte record");
        }
        if (n != labels.length) {
            labels = Arrays.copyOf(labels, n);
            pixels = Arrays.copyOf(pixels, n * CifarBatch.PIXELS);
        }
        return new CifarBatch(number, name, pixels, labels);
    }

    private static byte[] allocate(String name, int records, int bytesPerRecord) {
        try {
            return new byte[Math.multiplyExact(records, bytesPerRecord)];
        } catch (OutOfMemoryError e) {
            throw heapTooSmall(name, (long) records * bytesPerRecord, e);
        }
    }

    private static byte[] grow(String name, byte[] pixels, int records) {
        try {
            return Arrays.copyOf(pixels, records * CifarBatch.PIXELS);
        } catch (OutOfMemoryError e) {
            throw heapTooSmall(name, (long) records * CifarBatch.PIXELS, e);
        }
    }

    /** A single large allocation failed: the heap is too small for this batch, which is the user's to change. */
    private static JConvNetException heapTooSmall(String name, long bytes, OutOfMemoryError e) {
        return new JConvNetException(name + ": reading this batch needs " + (bytes >> 20) + " MiB more heap than the JVM has (max "
                + (Runtime.getRuntime().maxMemory() >> 20) + " MiB); give it more with JCONVNET_JAVA_OPTS=-Xmx...", e);
    }

    private static JConvNetException badLabel(String name, int record, int label, int numClasses) {
        return new JConvNetException(name + ": record " + record + " (byte offset " + (long) record * CifarBatch.RECORD
                + ") has label " + label + ", but CIFAR-10 labels are 0.." + (numClasses - 1)
                + "; this is not a CIFAR-10 binary batch (CIFAR-100 records have 2 label bytes)");
    }

    /** Parses the bytes of a batch file; {@code name} is used in errors. */
    public static CifarBatch parse(byte[] raw, int number, String name, int numClasses) {
        int records = checkPlainSize(name, raw.length);
        try {
            return readRecords(new java.io.ByteArrayInputStream(raw), records, number, name, numClasses);
        } catch (IOException e) {
            throw new IllegalStateException("reading a byte array cannot fail", e);
        }
    }

    /** Encodes a batch in the binary record format (for tests and the synthetic data set). */
    public static byte[] encode(CifarBatch b) {
        byte[] out = new byte[b.numCases() * CifarBatch.RECORD];
        for (int i = 0; i < b.numCases(); i++) {
            out[i * CifarBatch.RECORD] = b.labels()[i];
            System.arraycopy(b.pixels(), i * CifarBatch.PIXELS, out, i * CifarBatch.RECORD + 1, CifarBatch.PIXELS);
        }
        return out;
    }
}
