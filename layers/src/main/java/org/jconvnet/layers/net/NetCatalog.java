package org.jconvnet.layers.net;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jconvnet.api.config.ConfigException;

/**
 * The nets shipped with jconvnet, as resources of the layers module under their cuda-convnet names
 * (cuda-convnet.md §4.8): each {@code layers-X.cfg} has its {@code layer-params-X.cfg} alongside.
 * {@link #layerDef} and {@link #layerParamsFor} also accept a path to any file, whose parameter
 * file is found next to it by the same naming rule.
 */
public final class NetCatalog {
    /** The seed net: cuda-convnet's 11% CIFAR-10 net with local layers. */
    public static final String SEED = "layers-conv-local-11pct";

    private static final String RESOURCE_DIR = "/org/jconvnet/layers/nets/";
    private static final String DEF_PREFIX = "layers-";
    private static final String PARAMS_PREFIX = "layer-params-";
    private static final String SUFFIX = ".cfg";
    private static final List<String> NAMES = List.of(SEED, "layers-18pct", "layers-conv-local-13pct");

    private NetCatalog() {
    }

    /** The shipped layer-definition names, without {@code .cfg}. */
    public static List<String> names() {
        return NAMES;
    }

    /**
     * The layer-definition file: a shipped name ({@code layers-18pct}, with or without
     * {@code .cfg}) or a path to a file.
     *
     * @throws ConfigException when it is neither a shipped name nor a readable file
     */
    public static NetSource layerDef(String nameOrPath) {
        String shipped = shippedName(nameOrPath);
        if (shipped != null) {
            return resource(shipped + SUFFIX);
        }
        Path p = Path.of(nameOrPath);
        if (!Files.isRegularFile(p)) {
            throw new ConfigException(nameOrPath, null, null, "no such file, and not a shipped net; shipped nets: "
                    + String.join(", ", NAMES));
        }
        return NetSource.file(p);
    }

    /**
     * The layer-parameter file that goes with a layer-definition name or path:
     * {@code layers-X.cfg} gives {@code layer-params-X.cfg} in the same place.
     *
     * @throws ConfigException when the name does not follow the rule or the file is missing
     */
    public static NetSource layerParamsFor(String nameOrPath) {
        String shipped = shippedName(nameOrPath);
        if (shipped != null) {
            return resource(paramsName(shipped + SUFFIX, nameOrPath));
        }
        Path def = Path.of(nameOrPath);
        Path params = def.resolveSibling(paramsName(def.getFileName().toString(), nameOrPath));
        if (!Files.isRegularFile(params)) {
            throw new ConfigException(params.toString(), null, null, "the layer-parameter file for " + nameOrPath
                    + " is missing (expected alongside it as " + params.getFileName() + ")");
        }
        return NetSource.file(params);
    }

    /** {@code layers-X.cfg} to {@code layer-params-X.cfg}. */
    private static String paramsName(String defFileName, String given) {
        if (!defFileName.startsWith(DEF_PREFIX)) {
            throw new ConfigException(given, null, null, "cannot tell the layer-parameter file: a layer-definition file "
                    + "named layers-X.cfg has its parameters in layer-params-X.cfg; give the parameter file explicitly");
        }
        String rest = defFileName.substring(DEF_PREFIX.length());
        return PARAMS_PREFIX + (rest.endsWith(SUFFIX) ? rest : rest + SUFFIX);
    }

    private static String shippedName(String nameOrPath) {
        String n = nameOrPath.endsWith(SUFFIX) ? nameOrPath.substring(0, nameOrPath.length() - SUFFIX.length()) : nameOrPath;
        return NAMES.contains(n) ? n : null;
    }

    private static NetSource resource(String fileName) {
        try (InputStream in = NetCatalog.class.getResourceAsStream(RESOURCE_DIR + fileName)) {
            if (in == null) {
                throw new ConfigException(fileName, null, null, "the shipped net file is missing from the layers jar");
            }
            return new NetSource(fileName, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new ConfigException(fileName, null, null, "cannot read the shipped net file: " + e);
        }
    }
}
