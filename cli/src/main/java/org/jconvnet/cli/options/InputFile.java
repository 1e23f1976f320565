package org.jconvnet.cli.options;

import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** A file the command reads ({@code data install FILE}): it must exist, be a file and be readable. */
public final class InputFile implements ITypeConverter<Path> {
    @Override
    public Path convert(String value) {
        Path p = InputDir.Paths.of(value);
        if (!Files.exists(p)) {
            throw new TypeConversionException("'" + value + "': no such file");
        }
        if (Files.isDirectory(p)) {
            throw new TypeConversionException("'" + value + "' is a directory, not a file");
        }
        if (!Files.isReadable(p)) {
            throw new TypeConversionException("'" + value + "': permission denied (cannot read the file)");
        }
        return p;
    }
}
