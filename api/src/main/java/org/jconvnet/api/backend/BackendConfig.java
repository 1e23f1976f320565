package org.jconvnet.api.backend;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@link BackendProvider#create} is given: free-form {@code key=value} settings such as
 * {@code opencl.device}, and the plugin class loader the started backend discovers its kernels on.
 * System properties {@code jconvnet.<key>} fill in what the map lacks, so a backend reads its
 * settings the same way whether it was started from the CLI or from code.
 *
 * <p>The class loader is passed here, openly, by whoever discovered the providers (the CLI builds
 * it once at start-up from its plugin folders); {@link #kernelLoader} is the one place that
 * decides which loader a backend uses when none was given.
 *
 * @param settings     explicit settings; they win over system properties
 * @param pluginLoader the class loader of the application's plug-ins (the one its registries were
 *                     discovered on), or {@code null} when the caller has none
 */
public record BackendConfig(Map<String, String> settings, ClassLoader pluginLoader) {

    /**
     * Copies the settings defensively.
     *
     * @param settings explicit settings; they win over system properties
     * @param pluginLoader the class loader of the application's plug-ins (the one its registries were
     *     discovered on), or {@code null} when the caller has none
     */
    public BackendConfig {
        settings = Map.copyOf(settings);
    }

    /**
     * Explicit settings and no plugin class loader.
     *
     * @param settings explicit settings; they win over system properties
     */
    public BackendConfig(Map<String, String> settings) {
        this(settings, null);
    }

    /** {@return a configuration with no explicit settings and no plugin class loader} */
    public static BackendConfig defaults() {
        return new BackendConfig(Map.of());
    }

    /**
     * A copy whose backend discovers its kernels on {@code loader}.
     *
     * @param loader the plug-ins' class loader
     * @return a copy whose backend discovers its kernels on {@code loader}
     */
    public BackendConfig withPluginLoader(ClassLoader loader) {
        return new BackendConfig(settings, Objects.requireNonNull(loader, "loader"));
    }

    /**
     * The setting for {@code key}, or the system property {@code jconvnet.<key>}.
     *
     * @param key the setting's name without the {@code jconvnet.} prefix
     * @return the setting for {@code key}, or the system property {@code jconvnet.<key>}
     */
    public Optional<String> get(String key) {
        String v = settings.get(key);
        if (v == null) {
            v = System.getProperty("jconvnet." + key);
        }
        return Optional.ofNullable(v).filter(s -> !s.isBlank());
    }

    /**
     * The class loader a backend started by {@code provider} discovers its kernels (and kernel
     * resources) on: the {@link #pluginLoader} when one was given, else the loader of the provider's
     * own class, which sees at least the kernels shipped beside the backend.
     *
     * @param provider the provider starting the backend
     * @return the class loader the backend's kernels are discovered on
     */
    public ClassLoader kernelLoader(BackendProvider provider) {
        return pluginLoader != null ? pluginLoader : provider.getClass().getClassLoader();
    }
}
