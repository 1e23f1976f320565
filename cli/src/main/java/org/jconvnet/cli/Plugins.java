package org.jconvnet.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jconvnet.train.facade.PluginJars;

/**
 * The class loader every {@link java.util.ServiceLoader} lookup of the CLI goes through: the
 * application class path plus every {@code *.jar} in the plugin directories, so that a jar with a
 * layer plugin, a backend or a kernel provider is picked up by dropping it into a folder.
 *
 * <p>The plugin directories are, in this order: each {@code --plugins DIR} (it must exist), then
 * {@code plugins/} in the jconvnet home directory when that folder exists. The launcher sets the
 * home to the repository root (system property {@value #HOME_PROPERTY}), so {@code plugins/}
 * next to {@code ./jconvnet} is automatic.
 */
public final class Plugins {
    /** System property naming the jconvnet installation directory (set by the launcher). */
    public static final String HOME_PROPERTY = "jconvnet.home";
    /** Name of the automatically scanned folder inside the home directory. */
    public static final String DEFAULT_FOLDER = "plugins";

    /** The library's scan of the folders: the CLI adds only where the folders come from. */
    private final PluginJars scanned;

    private Plugins(PluginJars scanned) {
        this.scanned = scanned;
    }

    /**
     * Finds the plugin jars and builds the class loader over them.
     *
     * @param explicitDirs the {@code --plugins} directories
     * @param home         the jconvnet home directory, or null when unknown
     * @param parent       the class loader of the application
     * @throws UsageException when an explicit directory does not exist
     */
    public static Plugins load(List<Path> explicitDirs, Path home, ClassLoader parent) {
        List<Path> dirs = new ArrayList<>();
        for (Path d : explicitDirs) {
            if (!Files.isDirectory(d)) {
                throw new UsageException("--plugins: '" + d + "' is not a directory");
            }
            dirs.add(d);
        }
        if (home != null && Files.isDirectory(home.resolve(DEFAULT_FOLDER))) {
            dirs.add(home.resolve(DEFAULT_FOLDER));
        }
        // The library's scan (JConvNet.Loader.plugins uses the same), so both see the same jars in the same order.
        return new Plugins(PluginJars.scan(dirs, parent));
    }

    /** The home directory from {@value #HOME_PROPERTY}, or null when it is not set. */
    public static Path homeFromSystemProperty() {
        String h = System.getProperty(HOME_PROPERTY);
        return h == null || h.isBlank() ? null : Path.of(h);
    }

    /** The directories that were scanned. */
    public List<Path> dirs() {
        return scanned.dirs();
    }

    /** The plugin jars found, in load order. */
    public List<Path> jars() {
        return scanned.jars();
    }

    /** The loader to discover services with. */
    public ClassLoader classLoader() {
        return scanned.classLoader();
    }
}
