package org.jconvnet.train.download;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jconvnet.api.JConvNetException;

/**
 * Extracts regular files and directories from a POSIX (ustar) or GNU tar stream: 512-byte
 * headers with octal sizes, the ustar name prefix, GNU long names ({@code L}) and pax {@code path}
 * records. Links and devices are skipped. Entries whose path is absolute or climbs out with
 * {@code ..} are refused, so an archive cannot write outside the target directory.
 */
public final class TarReader {
    private static final int BLOCK = 512;

    private TarReader() {
    }

    /**
     * Extracts {@code in} under {@code target}.
     *
     * @param name the archive's name for error messages
     * @return the number of regular files written
     */
    public static int extract(InputStream in, Path target, String name) throws IOException {
        Path root = target.toAbsolutePath().normalize();
        Files.createDirectories(root);
        byte[] header = new byte[BLOCK];
        String longName = null;
        int files = 0;
        while (true) {
            int got = in.readNBytes(header, 0, BLOCK);
            if (got == 0) {
                return files; // tolerated: archive without the two zero end blocks
            }
            if (got < BLOCK) {
                throw new JConvNetException(name + ": truncated tar header");
            }
            if (isZero(header)) {
                return files;
            }
            verifyChecksum(header, name);
            char type = (char) header[156];
            long size = octal(header, 124, 12, name);
            String path = longName != null ? longName : entryName(header);
            longName = null;
            if (type == 'L' || type == 'x') {
                String text = new String(readFully(in, size, name), StandardCharsets.UTF_8);
                skipPadding(in, size);
                longName = type == 'L' ? text.replace("\0", "") : paxPath(text);
                continue;
            }
            if (type == 'g') {
                skip(in, size, name);
                skipPadding(in, size);
                continue;
            }
            Path out = safeResolve(root, path, name);
            if (type == '5') {
                Files.createDirectories(out);
            } else if (type == '0' || type == '\0' || type == '7') {
                Files.createDirectories(out.getParent());
                try (OutputStream os = Files.newOutputStream(out)) {
                    copy(in, os, size, name, path);
                }
                skipPadding(in, size);
                files++;
            } else {
                skip(in, size, name);
                skipPadding(in, size);
            }
        }
    }

    private static String entryName(byte[] h) {
        String n = cString(h, 0, 100);
        String magic = cString(h, 257, 6);
        if (magic.startsWith("ustar")) {
            String prefix = cString(h, 345, 155);
            if (!prefix.isEmpty()) {
                n = prefix + "/" + n;
            }
        }
        return n;
    }

    private static String paxPath(String records) {
        // Records are "<len> key=value\n"; only path matters here.
        for (String line : records.split("\n")) {
            int sp = line.indexOf(' ');
            if (sp > 0 && line.startsWith("path=", sp + 1)) {
                return line.substring(sp + 6);
            }
        }
        return null;
    }

    private static Path safeResolve(Path root, String path, String name) {
        if (path == null || path.isEmpty() || path.startsWith("/") || path.contains("\\")) {
            throw new JConvNetException(name + ": refusing tar entry with unsafe path '" + path + "'");
        }
        Path out = root.resolve(path).normalize();
        if (!out.startsWith(root)) {
            throw new JConvNetException(name + ": refusing tar entry '" + path + "' that points outside the target");
        }
        return out;
    }

    private static void verifyChecksum(byte[] h, String name) {
        long want = octal(h, 148, 8, name);
        long sum = 0;
        for (int i = 0; i < BLOCK; i++) {
            sum += (i >= 148 && i < 156) ? ' ' : (h[i] & 0xff);
        }
        if (sum != want) {
            throw new JConvNetException(name + ": bad tar header checksum (not a tar file, or damaged)");
        }
    }

    private static long octal(byte[] h, int off, int len, String name) {
        long v = 0;
        int i = off;
        int end = off + len;
        while (i < end && (h[i] == ' ' || h[i] == 0)) {
            i++;
        }
        for (; i < end && h[i] >= '0' && h[i] <= '7'; i++) {
            v = v * 8 + (h[i] - '0');
        }
        if ((h[off] & 0x80) != 0) {
            throw new JConvNetException(name + ": tar entry uses base-256 sizes (over 8 GB), not supported");
        }
        return v;
    }

    private static String cString(byte[] h, int off, int len) {
        int end = off;
        while (end < off + len && h[end] != 0) {
            end++;
        }
        return new String(h, off, end - off, StandardCharsets.UTF_8);
    }

    private static boolean isZero(byte[] h) {
        for (byte b : h) {
            if (b != 0) {
                return false;
            }
        }
        return true;
    }

    private static byte[] readFully(InputStream in, long size, String name) throws IOException {
        if (size > 1 << 20) {
            throw new JConvNetException(name + ": tar extended header of " + size + " bytes is implausible");
        }
        byte[] b = in.readNBytes((int) size);
        if (b.length != size) {
            throw new JConvNetException(name + ": truncated tar archive");
        }
        return b;
    }

    private static void copy(InputStream in, OutputStream out, long size, String name, String entry) throws IOException {
        byte[] buf = new byte[1 << 16];
        long left = size;
        while (left > 0) {
            int n = in.read(buf, 0, (int) Math.min(buf.length, left));
            if (n < 0) {
                throw new JConvNetException(name + ": truncated tar archive inside entry '" + entry + "'");
            }
            out.write(buf, 0, n);
            left -= n;
        }
    }

    private static void skip(InputStream in, long size, String name) throws IOException {
        copy(in, OutputStream.nullOutputStream(), size, name, "(skipped)");
    }

    private static void skipPadding(InputStream in, long size) throws IOException {
        long pad = (BLOCK - size % BLOCK) % BLOCK;
        in.readNBytes((int) pad);
    }
}
