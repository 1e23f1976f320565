package org.jconvnet.train.data;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import org.jconvnet.api.JConvNetException;

/**
 * Reads one CIFAR-10 binary batch file (cuda-convnet.md §6.4): records of 1 label byte and 3072 pixel
 * bytes with no header or delimiter. A name ending in {@code .gz} is gunzipped first. A file may
 * hold any positive number of whole records (the official ones hold 10000). Errors name the file
 * and the problem.
 */
public final class CifarBatchReader {
    private CifarBatchReader() {
    }

    /**
     * Reads {@code file} as batch {@code number}.
     *
     * @param numClasses labels must be below this (10 for CIFAR-10)
     */
    public static CifarBatch read(Path file, int number, int numClasses) {
        byte[] raw;
        try (InputStream in = open(file)) {
            raw = in.readAllBytes();
        } catch (IOException e) {
            throw new JConvNetException("cannot read CIFAR batch " + file + ": " + e.getMessage(), e);
        }
        return parse(raw, number, file.toString(), numClasses);
    }

    private static InputStream open(Path file) throws IOException {
        InputStream in = Files.newInputStream(file);
        if (file.getFileName().toString().endsWith(".gz")) {
            try {
                return new GZIPInputStream(in, 1 << 16);
            } catch (IOException e) {
                in.close();
                throw new IOException("not a gzip file (" + e.getMessage() + ")", e);
            }
        }
        return in;
    }

    /** Parses the bytes of a batch file; {@code name} is used in errors. */
    public static CifarBatch parse(byte[] raw, int number, String name, int numClasses) {
        if (raw.length == 0 || raw.length % CifarBatch.RECORD != 0) {
            throw new JConvNetException(name + ": size " + raw.length + " bytes is not a positive multiple of the "
                    + CifarBatch.RECORD + "-byte CIFAR-10 record (1 label byte + 3072 pixel bytes)"
                    + (raw.length > 0 ? "; the file is truncated or not a CIFAR-10 binary batch" : ""));
        }
        int n = raw.length / CifarBatch.RECORD;
        byte[] labels = new byte[n];
        byte[] pixels = new byte[n * CifarBatch.PIXELS];
        for (int i = 0; i < n; i++) {
            int at = i * CifarBatch.RECORD;
            int label = raw[at] & 0xff;
            if (label >= numClasses) {
                throw new JConvNetException(name + ": record " + i + " (byte offset " + at + ") has label " + label
                        + ", but CIFAR-10 labels are 0.." + (numClasses - 1)
                        + "; this is not a CIFAR-10 binary batch (CIFAR-100 records have 2 label bytes)");
            }
            labels[i] = (byte) label;
            System.arraycopy(raw, at + 1, pixels, i * CifarBatch.PIXELS, CifarBatch.PIXELS);
        }
        return new CifarBatch(number, name, pixels, labels);
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
