package org.jconvnet.cli.options;

import org.jconvnet.cli.DataProviderChoice;
import picocli.CommandLine.ITypeConverter;

/** {@code --data-provider}: cifar or cifar-cropped, kept as text as the checkpoint saves it. */
public final class ProviderName implements ITypeConverter<String> {
    @Override
    public String convert(String value) {
        return new DataProviderChoice.Converter().convert(value).cliName();
    }
}
