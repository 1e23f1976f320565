package org.jconvnet.api.layer;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeMap;
import org.jconvnet.api.ApiVersion;
import org.jconvnet.api.JConvNetException;
import org.jconvnet.api.config.ConfigException;
import org.jconvnet.api.config.ConfigSection;

/**
 * Every {@link LayerPlugin} on a class loader, by {@code type=}. Two plugins claiming one type,
 * or a plugin compiled against another API version, are refused with both class names; an
 * unknown type names the known ones.
 */
public final class LayerPluginRegistry {
    private final Map<String, LayerPlugin> byType;

    private LayerPluginRegistry(Map<String, LayerPlugin> byType) {
        this.byType = byType;
    }

    /**
     * Discovers the plugins visible to {@code loader}.
     *
     * @param loader the class loader whose {@code META-INF/services} are read
     * @return a registry of every plugin found
     */
    public static LayerPluginRegistry discover(ClassLoader loader) {
        List<LayerPlugin> found = new ArrayList<>();
        try {
            for (LayerPlugin p : ServiceLoader.load(LayerPlugin.class, loader)) {
                found.add(p);
            }
        } catch (ServiceConfigurationError e) {
            throw new JConvNetException("cannot load a layer plugin: " + e.getMessage(), e);
        }
        return of(found);
    }

    /**
     * Builds a registry from explicit plugins.
     *
     * @param plugins the plugins; their types must be distinct
     * @return a registry of {@code plugins}
     */
    public static LayerPluginRegistry of(List<LayerPlugin> plugins) {
        Map<String, LayerPlugin> map = new TreeMap<>();
        for (LayerPlugin p : plugins) {
            int v;
            try {
                v = p.apiVersion();
            } catch (AbstractMethodError e) {
                v = 0;
            }
            ApiVersion.check("layer plugin " + p.getClass().getName(), v);
            LayerPlugin clash = map.putIfAbsent(p.type(), p);
            if (clash != null && clash.getClass() != p.getClass()) {
                throw new JConvNetException("two layer plugins claim type '" + p.type() + "': "
                        + clash.getClass().getName() + " and " + p.getClass().getName()
                        + "; remove one of them from the class path");
            }
        }
        return new LayerPluginRegistry(map);
    }

    /** {@return the known types, sorted} */
    public Set<String> types() {
        return map().keySet();
    }

    /** {@return all plugins, by type} */
    public Map<String, LayerPlugin> map() {
        return java.util.Collections.unmodifiableMap(byType);
    }

    /**
     * The plugin for the {@code type=} of {@code section}.
     *
     * @param section a section of a layer-definition file
     * @return the plugin for its type
     * @throws ConfigException naming the section, the unknown type and the known ones
     */
    public LayerPlugin forSection(ConfigSection section) {
        String type = section.string("type");
        LayerPlugin p = byType.get(type);
        if (p == null) {
            throw section.error("type", "unknown layer type '" + type + "'; known types: "
                    + String.join(", ", byType.keySet()));
        }
        return p;
    }
}
