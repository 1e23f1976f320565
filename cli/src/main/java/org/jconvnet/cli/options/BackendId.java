package org.jconvnet.cli.options;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * A backend id ({@code conformance --require}). Only its form is checked here; whether such a
 * backend was discovered is checked when the plugins are loaded, before anything runs.
 */
public final class BackendId implements ITypeConverter<String> {
    @Override
    public String convert(String value) {
        if (!value.trim().matches("[A-Za-z0-9._-]+")) {
            throw new TypeConversionException("'" + value + "' is not a backend id (see 'jconvnet backends')");
        }
        return value.trim();
    }
}
