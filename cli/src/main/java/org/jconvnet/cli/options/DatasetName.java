package org.jconvnet.cli.options;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** The data set of {@code data download}: only {@value #CIFAR10} is known. */
public final class DatasetName implements ITypeConverter<String> {
    /** The one data set jconvnet knows how to fetch. */
    public static final String CIFAR10 = "cifar10";

    @Override
    public String convert(String value) {
        if (!CIFAR10.equals(value.trim())) {
            throw new TypeConversionException("unknown data set '" + value + "'; known: " + CIFAR10);
        }
        return CIFAR10;
    }
}
