package org.jconvnet.cli.options;

import org.jconvnet.cli.NetFiles;
import org.jconvnet.cli.UsageException;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** {@code --layer-params}: a layer-parameter file that exists, or a shipped one by name. */
public final class ParamsName implements ITypeConverter<String> {
    @Override
    public String convert(String value) {
        try {
            NetFiles.layerParams(null, value);
            return value;
        } catch (UsageException e) {
            throw new TypeConversionException("'" + value + "' is neither a file nor a shipped parameter file");
        }
    }
}
