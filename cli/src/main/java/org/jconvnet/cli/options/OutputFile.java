package org.jconvnet.cli.options;

import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** A file the command writes ({@code --report}): not a directory, and creatable or writable. */
public final class OutputFile implements ITypeConverter<Path> {
    @Override
    public Path convert(String value) {
        Path p = InputDir.Paths.of(value);
        if (Files.isDirectory(p)) {
            throw new TypeConversionException("'" + value + "' is a directory, not a file");
        }
        if (Files.exists(p) && !Files.isWritable(p)) {
            throw new TypeConversionException("'" + value + "': permission denied (cannot write the file)");
        }
        OutputDir.requireCreatableUnder(value, p);
        return p;
    }
}
