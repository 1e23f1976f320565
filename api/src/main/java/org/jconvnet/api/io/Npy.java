package org.jconvnet.api.io;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jconvnet.api.JConvNetException;
import org.jconvnet.api.tensor.DType;

/**
 * Reads and writes numpy {@code .npy} files, format versions 1.0 and 2.0, little-endian float32
 * ({@code <f4}) and float64 ({@code <f8}). Errors name the file and what is wrong with it.
 */
public final class Npy {
    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    private static final Pattern DESCR = Pattern.compile("'descr'\\s*:\\s*'([^']*)'");
    private static final Pattern FORTRAN = Pattern.compile("'fortran_order'\\s*:\\s*(True|False)");
    private static final Pattern SHAPE = Pattern.compile("'shape'\\s*:\\s*\\(([^)]*)\\)");

    private Npy() {
    }

    /**
     * Reads a file.
     *
     * @param file the {@code .npy} file
     * @return the array
     */
    public static NpyArray read(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, file.toString());
        } catch (IOException e) {
            throw new JConvNetException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Reads from a stream; {@code name} is used in error messages.
     *
     * @param in the stream, positioned at the magic bytes
     * @param name the stream's name, for error messages
     * @return the array
     * @throws IOException when the stream cannot be read
     */
    public static NpyArray read(InputStream in, String name) throws IOException {
        byte[] magic = in.readNBytes(8);
        for (int i = 0; i < MAGIC.length; i++) {
            if (magic.length < 8 || magic[i] != MAGIC[i]) {
                throw new JConvNetException(name + ": not a .npy file (bad magic)");
            }
        }
        int major = magic[6];
        int headerLen;
        if (major == 1) {
            byte[] b = in.readNBytes(2);
            headerLen = (b[0] & 0xff) | (b[1] & 0xff) << 8;
        } else if (major == 2 || major == 3) {
            byte[] b = in.readNBytes(4);
            headerLen = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).getInt();
        } else {
            throw new JConvNetException(name + ": unsupported .npy format version " + major);
        }
        String header = new String(in.readNBytes(headerLen), StandardCharsets.ISO_8859_1);
        String descr = group(DESCR, header, name, "descr");
        boolean fortran = "True".equals(group(FORTRAN, header, name, "fortran_order"));
        int[] shape = parseShape(group(SHAPE, header, name, "shape"), name);
        DType dtype;
        if (descr.equals("<f4") || descr.equals("=f4") || descr.equals("f4")) {
            dtype = DType.FLOAT32;
        } else if (descr.equals("<f8") || descr.equals("=f8") || descr.equals("f8")) {
            dtype = DType.FLOAT64;
        } else {
            throw new JConvNetException(name + ": unsupported dtype '" + descr + "' (jconvnet reads <f4 and <f8)");
        }
        long n = 1;
        for (int s : shape) {
            n *= s;
        }
        long bytes = n * dtype.bytes();
        if (bytes > Integer.MAX_VALUE) {
            throw new JConvNetException(name + ": array too large (" + n + " elements)");
        }
        byte[] raw = in.readNBytes((int) bytes);
        if (raw.length != bytes) {
            throw new JConvNetException(name + ": truncated: header promises " + bytes + " data bytes, file has " + raw.length);
        }
        ByteBuffer buf = ByteBuffer.wrap(raw).order(ByteOrder.LITTLE_ENDIAN);
        double[] data = new double[(int) n];
        for (int i = 0; i < n; i++) {
            data[i] = dtype == DType.FLOAT32 ? buf.getFloat() : buf.getDouble();
        }
        return new NpyArray(shape, fortran, dtype, data);
    }

    private static String group(Pattern p, String header, String name, String what) {
        Matcher m = p.matcher(header);
        if (!m.find()) {
            throw new JConvNetException(name + ": .npy header has no '" + what + "': " + header.trim());
        }
        return m.group(1);
    }

    private static int[] parseShape(String text, String name) {
        List<Integer> dims = new ArrayList<>();
        for (String part : text.split(",")) {
            String p = part.trim();
            if (!p.isEmpty()) {
                try {
                    dims.add(Integer.parseInt(p.replace("L", "")));
                } catch (NumberFormatException e) {
                    throw new JConvNetException(name + ": bad shape '(" + text + ")' in .npy header");
                }
            }
        }
        return dims.stream().mapToInt(Integer::intValue).toArray();
    }

    /**
     * Encodes an array as .npy version 1.0 bytes, in its own dtype.
     *
     * @param a the array
     * @return the file's bytes
     */
    public static byte[] encode(NpyArray a) {
        String shape = a.shapeText();
        String dict = "{'descr': '" + (a.dtype() == DType.FLOAT32 ? "<f4" : "<f8") + "', 'fortran_order': "
                + (a.fortranOrder() ? "True" : "False") + ", 'shape': " + shape + ", }";
        int unpadded = 10 + dict.length() + 1;
        int pad = (64 - unpadded % 64) % 64;
        StringBuilder header = new StringBuilder(dict);
        header.append(" ".repeat(pad)).append('\n');
        ByteArrayOutputStream out = new ByteArrayOutputStream(10 + header.length() + a.data().length * a.dtype().bytes());
        out.writeBytes(MAGIC);
        out.write(1);
        out.write(0);
        out.write(header.length() & 0xff);
        out.write(header.length() >> 8 & 0xff);
        out.writeBytes(header.toString().getBytes(StandardCharsets.ISO_8859_1));
        ByteBuffer buf = ByteBuffer.allocate(a.data().length * a.dtype().bytes()).order(ByteOrder.LITTLE_ENDIAN);
        for (double v : a.data()) {
            if (a.dtype() == DType.FLOAT32) {
                buf.putFloat((float) v);
            } else {
                buf.putDouble(v);
            }
        }
        out.writeBytes(buf.array());
        return out.toByteArray();
    }

    /**
     * Writes an array to a stream.
     *
     * @param out the stream
     * @param a the array
     * @throws IOException when the stream cannot be written
     */
    public static void write(OutputStream out, NpyArray a) throws IOException {
        out.write(encode(a));
    }

    /**
     * Writes an array to {@code file}. Not atomic by itself: checkpoint code writes to a temporary
     * file, syncs and renames.
     *
     * @param file the file, replaced when it exists
     * @param a the array
     */
    public static void write(Path file, NpyArray a) {
        try {
            Files.write(file, encode(a));
        } catch (IOException e) {
            throw new JConvNetException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}
