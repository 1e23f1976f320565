package org.jconvnet.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The options that apply to every command, filled in by picocli while it parses the command line
 * and read by the lazily created bindings of {@link CliModule} afterwards. One instance per run.
 */
public final class GlobalOptions {
    private String backend;
    private final List<Path> pluginDirs = new ArrayList<>();
    private boolean verbose;

    /** The backend explicitly requested with {@code --backend}, if any. */
    public Optional<String> backend() {
        return Optional.ofNullable(backend);
    }

    void backend(String id) {
        this.backend = id;
    }

    /** The directories given with {@code --plugins}, in command-line order. */
    public List<Path> pluginDirs() {
        return List.copyOf(pluginDirs);
    }

    void pluginDirs(List<Path> dirs) {
        pluginDirs.clear();
        pluginDirs.addAll(dirs);
    }

    /** Whether {@code -v} was given: more logging and stack traces on errors. */
    public boolean verbose() {
        return verbose;
    }

    void verbose(boolean on) {
        this.verbose = on;
    }
}
