package org.jconvnet.cli.options;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** {@code --url}: an absolute http, https or file URL. */
public final class DownloadUrl implements ITypeConverter<URI> {
    @Override
    public URI convert(String value) {
        URI u;
        try {
            u = new URI(value.trim());
        } catch (URISyntaxException e) {
            throw new TypeConversionException("'" + value + "' is not a URL: " + e.getReason());
        }
        String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
        boolean web = scheme.equals("http") || scheme.equals("https");
        if (!(web || scheme.equals("file")) || (web && (u.getHost() == null || u.getHost().isEmpty()))
                || (scheme.equals("file") && u.getPath() == null)) {
            throw new TypeConversionException("'" + value + "' is not an http://, https:// or file:// URL");
        }
        return u;
    }
}
