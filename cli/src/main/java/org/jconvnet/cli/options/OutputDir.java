package org.jconvnet.cli.options;

import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * A directory the command writes into ({@code --out}, {@code --save-path}, {@code --cache}): it
 * either is a writable directory or can be created, i.e. its nearest existing ancestor is a
 * writable directory. Nothing is created here: the command does that when it writes.
 */
public final class OutputDir implements ITypeConverter<Path> {
    @Override
    public Path convert(String value) {
        Path p = InputDir.Paths.of(value);
        if (Files.exists(p)) {
            if (!Files.isDirectory(p)) {
                throw new TypeConversionException("'" + value + "' is a file, not a directory");
            }
            if (!Files.isWritable(p)) {
                throw new TypeConversionException("'" + value + "': permission denied (cannot write into the directory)");
            }
            return p;
        }
        requireCreatableUnder(value, p);
        return p;
    }

    /** Fails unless the nearest existing ancestor of {@code p} is a directory this process may write to. */
    static void requireCreatableUnder(String value, Path p) {
        Path a = p.toAbsolutePath().getParent();
        while (a != null && !Files.exists(a)) {
            a = a.getParent();
        }
        if (a == null) {
            return;
        }
        if (!Files.isDirectory(a)) {
            throw new TypeConversionException("'" + value + "': " + a + " is a file, so nothing can be created under it");
        }
        if (!Files.isWritable(a)) {
            throw new TypeConversionException("'" + value + "': permission denied (cannot create anything in " + a + ")");
        }
    }
}
