package org.jconvnet.layers.net;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import org.jconvnet.api.config.ConfigException;

/**
 * The text of one {@code .cfg} file plus the name used for it in error messages.
 *
 * @param name the file name or path as the user gave it
 * @param text the whole file
 */
public record NetSource(String name, String text) {

    /** Validates the components. */
    public NetSource {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(text, "text");
    }

    /** The largest {@code .cfg} file read: the shipped ones are a few KiB; anything near this is not a net. */
    public static final long MAX_BYTES = 16L << 20;

    /**
     * Reads a file (UTF-8; a leading byte-order mark is skipped).
     *
     * @throws ConfigException naming the file when it cannot be read, is larger than
     *                         {@link #MAX_BYTES}, or is not UTF-8 text (naming the line and byte)
     */
    public static NetSource file(Path p) {
        byte[] bytes;
        try {
            long size = Files.size(p);
            if (size > MAX_BYTES) {
                throw new ConfigException(p.toString(), null, null, "is " + size + " bytes, more than the "
                        + MAX_BYTES + " a .cfg file may have; this is not a layer-definition or layer-parameter file");
            }
            bytes = Files.readAllBytes(p);
        } catch (IOException e) {
            throw new ConfigException(p.toString(), null, null, "cannot read the file: " + e);
        }
        return new NetSource(p.toString(), text(p.toString(), bytes));
    }

    /** {@code bytes} as text, refusing anything that is not UTF-8 text with the line it goes wrong on. */
    static String text(String name, byte[] bytes) {
        if (bytes.length >= 2 && ((bytes[0] == (byte) 0xFE && bytes[1] == (byte) 0xFF)
                || (bytes[0] == (byte) 0xFF && bytes[1] == (byte) 0xFE))) {
            throw new ConfigException(name, null, null, "is UTF-16 text; save it as UTF-8 (or ASCII)");
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult r = decoder.decode(in, out, true);
        if (r.isError()) {
            throw new ConfigException(name, null, null, "line " + lineOf(bytes, in.position()) + ": byte "
                    + in.position() + " is not UTF-8 text (0x" + Integer.toHexString(bytes[in.position()] & 0xff)
                    + "); a .cfg file must be UTF-8 (or ASCII) text");
        }
        decoder.flush(out);
        String text = out.flip().toString();
        int nul = text.indexOf('\0');
        if (nul >= 0) {
            throw new ConfigException(name, null, null, "line " + (text.substring(0, nul).split("\\R", -1).length)
                    + ": holds a NUL character; this is binary data, not a .cfg text file");
        }
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    private static int lineOf(byte[] bytes, int offset) {
        int line = 1;
        for (int i = 0; i < offset; i++) {
            if (bytes[i] == '\n') {
                line++;
            }
        }
        return line;
    }
}
