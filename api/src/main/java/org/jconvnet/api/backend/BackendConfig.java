package org.jconvnet.api.backend;

import java.util.Map;
import java.util.Optional;

/**
 * Options handed to {@link BackendProvider#create}: free-form {@code key=value} settings such as
 * {@code opencl.device}. System properties {@code jconvnet.<key>} fill in what the map lacks, so a
 * backend reads its settings the same way whether it was started from the CLI or from code.
 *
 * @param settings explicit settings; they win over system properties
 */
public record BackendConfig(Map<String, String> settings) {

    /** Copies the settings defensively. */
    public BackendConfig {
        settings = Map.copyOf(settings);
    }

    /** A configuration with no explicit settings. */
    public static BackendConfig defaults() {
        return new BackendConfig(Map.of());
    }

    /** The setting for {@code key}, or the system property {@code jconvnet.<key>}. */
    public Optional<String> get(String key) {
        String v = settings.get(key);
        if (v == null) {
            v = System.getProperty("jconvnet." + key);
        }
        return Optional.ofNullable(v).filter(s -> !s.isBlank());
    }
}
