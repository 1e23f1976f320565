package org.jconvnet.cli.options;

import org.jconvnet.api.config.ConfigException;
import org.jconvnet.layers.net.NetCatalog;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** {@code --layer-def}: a shipped net's name or a layer-definition file that exists. */
public final class NetName implements ITypeConverter<String> {
    @Override
    public String convert(String value) {
        try {
            NetCatalog.layerDef(value);
            return value;
        } catch (ConfigException e) {
            throw new TypeConversionException("'" + value + "': " + e.problem());
        }
    }
}
