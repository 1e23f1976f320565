package org.jconvnet.cli.options;

import java.util.Locale;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** {@code --md5}: 32 hexadecimal digits. */
public final class Md5Hex implements ITypeConverter<String> {
    @Override
    public String convert(String value) {
        String v = value.trim().toLowerCase(Locale.ROOT);
        if (!v.matches("[0-9a-f]{32}")) {
            throw new TypeConversionException("'" + value + "' is not an MD5 sum (32 hexadecimal digits)");
        }
        return v;
    }
}
