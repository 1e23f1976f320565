package org.jconvnet.cli.options;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * A layer of the net ({@code --layer}, {@code --logreg-name}, {@code --show-cost}, ...). Only its
 * form is checked here; that the net has such a layer (of the right type) is checked once the net
 * is read, before any backend starts.
 */
public final class LayerName implements ITypeConverter<String> {
    @Override
    public String convert(String value) {
        if (value.isBlank() || value.chars().anyMatch(Character::isWhitespace)) {
            throw new TypeConversionException("'" + value + "' is not a layer name");
        }
        return value;
    }
}
