package org.jconvnet.cli.options;

import java.util.Locale;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * cuda-convnet's 0/1 options ({@code --test-one}, {@code --test-only}, {@code --multiview-test}):
 * {@code 1}/{@code 0} as well as true/false, yes/no, on/off. Not a {@code Boolean} on purpose:
 * picocli only takes "true"/"false" as the separate value of a boolean option, so
 * {@code --test-only 1} would be refused while {@code --test-only=1} worked.
 */
public enum Switch {
    /** 0. */
    OFF,
    /** 1. */
    ON;

    /** The switch as the train module's option value; null (not given) stays null. */
    public static Boolean value(Switch s) {
        return s == null ? null : s == ON;
    }

    /** Parses 1/0, true/false, yes/no, on/off. */
    public static final class Converter implements ITypeConverter<Switch> {
        @Override
        public Switch convert(String value) {
            switch (value.trim().toLowerCase(Locale.ROOT)) {
                case "1": case "true": case "yes": case "on":
                    return ON;
                case "0": case "false": case "no": case "off":
                    return OFF;
                default:
                    throw new TypeConversionException("'" + value + "' is not 0 or 1");
            }
        }
    }
}
