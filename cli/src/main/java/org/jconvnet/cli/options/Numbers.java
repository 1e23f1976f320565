package org.jconvnet.cli.options;

import picocli.CommandLine.TypeConversionException;

/** Integer parsing with a message a user can act on. */
final class Numbers {
    private Numbers() {
    }

    static int parseInt(String value) {
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new TypeConversionException("'" + value + "' is not a whole number");
        }
    }
}
