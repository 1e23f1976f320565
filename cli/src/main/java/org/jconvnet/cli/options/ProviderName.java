package org.jconvnet.cli.options;

import org.jconvnet.cli.DataProviderChoice;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** {@code --data-provider}: cifar or cifar-cropped, kept as text as the checkpoint saves it. */
public final class ProviderName implements ITypeConverter<String> {
    @Override
    public String convert(String value) {
        try {
            return new DataProviderChoice.Converter().convert(value).cliName();
        } catch (IllegalArgumentException e) {
            throw new TypeConversionException(e.getMessage());
        }
    }
}
