package org.jconvnet.cli.train;

import java.util.Locale;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** cuda-convnet's boolean options: {@code 1}/{@code 0} as well as true/false, yes/no, on/off. */
public final class Flag implements ITypeConverter<Boolean> {
    @Override
    public Boolean convert(String value) {
        switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "1": case "true": case "yes": case "on":
                return true;
            case "0": case "false": case "no": case "off":
                return false;
            default:
                throw new TypeConversionException("'" + value + "' is not a boolean (use 1 or 0)");
        }
    }
}
