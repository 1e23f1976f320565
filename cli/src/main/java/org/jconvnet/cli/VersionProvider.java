package org.jconvnet.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import org.jconvnet.api.ApiVersion;
import picocli.CommandLine.IVersionProvider;

/** Reports the build version (filtered into {@code version.properties}) and the plugin API version. */
public final class VersionProvider implements IVersionProvider {

    @Override
    public String[] getVersion() throws IOException {
        Properties p = new Properties();
        try (InputStream in = VersionProvider.class.getResourceAsStream("version.properties")) {
            if (in != null) {
                p.load(in);
            }
        }
        return new String[] {
            "jconvnet " + p.getProperty("version", "(unknown version)") + ", plugin API " + ApiVersion.CURRENT,
            "Java " + Runtime.version() + " (" + System.getProperty("java.vm.name") + ")"
        };
    }
}
