package org.jconvnet.cli;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import jakarta.inject.Singleton;
import org.jconvnet.api.backend.Backend;
import org.jconvnet.api.backend.BackendConfig;
import org.jconvnet.api.backend.BackendRegistry;
import org.jconvnet.api.backend.BackendSelector;
import org.jconvnet.api.layer.LayerPluginRegistry;

/**
 * The Guice bindings of one CLI run. Every binding that depends on the global options is a lazy
 * singleton: commands are created before picocli has parsed the options, so they inject
 * {@code Provider}s and call {@code get()} when they run.
 *
 * <p>The plugin class loader is built once ({@link Plugins}, right after parsing, see {@link Cli})
 * and reaches everything that discovers services through these bindings: the registries are
 * discovered on it and every backend is started with it in its {@link BackendConfig}.
 */
public final class CliModule extends AbstractModule {
    private final GlobalOptions options;

    /** Binds the given options holder, which picocli fills while parsing. */
    public CliModule(GlobalOptions options) {
        this.options = options;
    }

    @Override
    protected void configure() {
        bind(GlobalOptions.class).toInstance(options);
        bind(BackendSession.class);
    }

    /** The plugin jars and the class loader over them ({@code --plugins} plus {@code <home>/plugins}). */
    @Provides
    @Singleton
    Plugins plugins() {
        return Plugins.load(options.pluginDirs(), Plugins.homeFromSystemProperty(), CliModule.class.getClassLoader());
    }

    /** Every backend provider visible to the plugin class loader. */
    @Provides
    @Singleton
    BackendRegistry backendRegistry(Plugins plugins) {
        return BackendRegistry.discover(plugins.classLoader());
    }

    /** Every layer plugin visible to the plugin class loader. */
    @Provides
    @Singleton
    LayerPluginRegistry layerPluginRegistry(Plugins plugins) {
        return LayerPluginRegistry.discover(plugins.classLoader());
    }

    /** How this run starts backends: their kernels are discovered on the plugin class loader. */
    @Provides
    @Singleton
    BackendConfig backendConfig(Plugins plugins) {
        return BackendConfig.defaults().withPluginLoader(plugins.classLoader());
    }

    /** The start-up backend selection over the discovered providers. */
    @Provides
    @Singleton
    BackendSelector backendSelector(BackendRegistry registry) {
        return new BackendSelector(registry);
    }

    /** The backend of this run, started on first use and closed by {@link BackendSession#close()}. */
    @Provides
    Backend backend(BackendSession session) {
        return session.get();
    }
}
