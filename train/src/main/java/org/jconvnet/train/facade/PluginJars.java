package org.jconvnet.train.facade;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.jconvnet.train.InvalidOptionException;

/**
 * Plugin folders as the command line's {@code --plugins} reads them, shared by {@link JConvNet} and
 * the {@code jconvnet} command: every {@code *.jar} in each folder (sorted by name, folders in the
 * order given) joins one class loader over the application's, on which layer plugins, backends and
 * kernel providers are discovered.
 */
public final class PluginJars {
    private final List<Path> dirs;
    private final List<Path> jars;
    private final ClassLoader classLoader;

    private PluginJars(List<Path> dirs, List<Path> jars, ClassLoader classLoader) {
        this.dirs = dirs;
        this.jars = jars;
        this.classLoader = classLoader;
    }

    /**
     * Finds the jars and builds the class loader over them.
     *
     * @param dirs   the plugin folders, each of which must exist
     * @param parent the application's class loader; used as it is when no jar is found
     * @return the jars and their class loader
     * @throws InvalidOptionException when a folder is not a directory
     * @throws UncheckedIOException when a folder cannot be listed
     */
    public static PluginJars scan(List<Path> dirs, ClassLoader parent) {
        List<Path> jars = new ArrayList<>();
        for (Path d : dirs) {
            if (!Files.isDirectory(d)) {
                throw new InvalidOptionException("plugin folder '" + d + "' is not a directory");
            }
            jars.addAll(jarsIn(d));
        }
        ClassLoader loader = jars.isEmpty() ? parent : new URLClassLoader("jconvnet-plugins", toUrls(jars), parent);
        return new PluginJars(List.copyOf(dirs), List.copyOf(jars), loader);
    }

    private static List<Path> jarsIn(Path dir) {
        // Sorted, so that which of two clashing plugins is reported first does not depend on the file system.
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".jar") && Files.isRegularFile(p))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list plugin directory " + dir, e);
        }
    }

    private static URL[] toUrls(List<Path> jars) {
        URL[] urls = new URL[jars.size()];
        for (int i = 0; i < urls.length; i++) {
            try {
                urls[i] = jars.get(i).toUri().toURL();
            } catch (MalformedURLException e) {
                throw new InvalidOptionException("plugin jar path is not a valid URL: " + jars.get(i));
            }
        }
        return urls;
    }

    /**
     * The folders scanned.
     *
     * @return the folders, in the order given
     */
    public List<Path> dirs() {
        return dirs;
    }

    /**
     * The plugin jars found.
     *
     * @return the jars, in load order
     */
    public List<Path> jars() {
        return jars;
    }

    /**
     * The class loader to discover services with.
     *
     * @return a loader over the jars, or the parent itself when there are none
     */
    public ClassLoader classLoader() {
        return classLoader;
    }
}
