package org.jconvnet.cli.options;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** A directory the command reads ({@code --data-path}, {@code -f}, {@code --init-from}): it must exist and be readable. */
public final class InputDir implements ITypeConverter<Path> {
    @Override
    public Path convert(String value) {
        Path p = Paths.of(value);
        if (!Files.exists(p)) {
            throw new TypeConversionException("'" + value + "': no such directory");
        }
        if (!Files.isDirectory(p)) {
            throw new TypeConversionException("'" + value + "' is a file, not a directory");
        }
        if (!Files.isReadable(p) || !Files.isExecutable(p)) {
            throw new TypeConversionException("'" + value + "': permission denied (cannot read the directory)");
        }
        return p;
    }

    /** Path parsing that names the value when the file system rejects it. */
    static final class Paths {
        private Paths() {
        }

        static Path of(String value) {
            if (value.isBlank()) {
                throw new TypeConversionException("an empty path");
            }
            try {
                return Path.of(value);
            } catch (InvalidPathException e) {
                throw new TypeConversionException("'" + value + "' is not a valid path: " + e.getReason());
            }
        }
    }
}
