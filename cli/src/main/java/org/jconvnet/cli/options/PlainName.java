package org.jconvnet.cli.options;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** A file or directory name without a folder part ({@code --save-name}, {@code features --name}). */
public final class PlainName implements ITypeConverter<String> {
    @Override
    public String convert(String value) {
        if (value.isBlank() || value.equals(".") || value.equals("..") || value.contains("/") || value.contains("\\")) {
            throw new TypeConversionException("'" + value + "' must be a plain name, without '/' (use the path option for the folder)");
        }
        return value;
    }
}
