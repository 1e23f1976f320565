package org.jconvnet.cli.options;

import org.jconvnet.api.JConvNetException;
import org.jconvnet.api.tensor.DType;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** {@code --dtype}: float32 or float64, kept as text as the checkpoint saves it. */
public final class DTypeName implements ITypeConverter<String> {
    @Override
    public String convert(String value) {
        try {
            return DType.parse(value).label();
        } catch (JConvNetException e) {
            throw new TypeConversionException(e.getMessage());
        }
    }
}
