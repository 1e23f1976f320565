package org.jconvnet.cli.options;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** A count that may be 0: {@code --warmup}. */
public final class NonNegative implements ITypeConverter<Integer> {
    @Override
    public Integer convert(String value) {
        int n = Numbers.parseInt(value);
        if (n < 0) {
            throw new TypeConversionException("must be 0 or more, got " + n);
        }
        return n;
    }
}
