package org.jconvnet.cli.options;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** A count that must be at least 1: {@code --mini}, {@code --epochs}, {@code --test-freq}, {@code --minibatches}. */
public final class Count implements ITypeConverter<Integer> {
    @Override
    public Integer convert(String value) {
        int n = Numbers.parseInt(value);
        if (n < 1) {
            throw new TypeConversionException("must be at least 1, got " + n);
        }
        return n;
    }
}
