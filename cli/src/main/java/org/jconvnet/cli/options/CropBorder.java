package org.jconvnet.cli.options;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** {@code --crop-border}: 0 to 15 pixels, so that a crop of a 32x32 image keeps at least 2x2 pixels. */
public final class CropBorder implements ITypeConverter<Integer> {
    /** The largest border a 32x32 image allows. */
    public static final int MAX = 15;

    @Override
    public Integer convert(String value) {
        int n = Numbers.parseInt(value);
        if (n < 0 || n > MAX) {
            throw new TypeConversionException("must be 0 to " + MAX + " (pixels cut from each side of a 32x32 image), got " + n);
        }
        return n;
    }
}
