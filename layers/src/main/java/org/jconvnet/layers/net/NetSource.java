package org.jconvnet.layers.net;

import java.io.IOException;
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

    /**
     * Reads a file (UTF-8).
     *
     * @throws ConfigException naming the file when it cannot be read
     */
    public static NetSource file(Path p) {
        try {
            return new NetSource(p.toString(), Files.readString(p, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new ConfigException(p.toString(), null, null, "cannot read the file: " + e);
        }
    }
}
