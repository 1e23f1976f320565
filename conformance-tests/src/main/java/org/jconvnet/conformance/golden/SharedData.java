package org.jconvnet.conformance.golden;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Finds the shared data folder: the system property {@value #PROPERTY} when set, else a folder
 * {@code shared} beside the repository root or any folder above the working directory.
 */
public final class SharedData {
    /** System property naming the shared folder. */
    public static final String PROPERTY = "jconvnet.shared";

    private SharedData() {
    }

    /** The shared folder, if found. */
    public static Optional<Path> folder() {
        String prop = System.getProperty(PROPERTY);
        if (prop != null && !prop.isBlank()) {
            Path p = Path.of(prop);
            return Files.isDirectory(p) ? Optional.of(p) : Optional.empty();
        }
        for (Path d = Path.of("").toAbsolutePath(); d != null; d = d.getParent()) {
            Path candidate = d.resolve("shared");
            if (Files.isDirectory(candidate.resolve("golden"))) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /** The golden-case folder {@code <shared>/golden}, if present. */
    public static Optional<Path> golden() {
        return folder().map(f -> f.resolve("golden")).filter(Files::isDirectory);
    }
}
