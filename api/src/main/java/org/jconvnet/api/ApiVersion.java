package org.jconvnet.api;

/**
 * The version of the plugin contracts ({@code BackendProvider}, {@code KernelProvider},
 * {@code LayerPlugin}).
 *
 * <p>Every plugin implements {@code apiVersion()} by returning {@link #CURRENT}. Because
 * {@code CURRENT} is a compile-time constant, javac copies its value into the plugin's class
 * file: the number a plugin returns is the version it was compiled against, not the version on
 * the class path. The registries compare it with {@link #isCompatible(int)} and refuse a plugin
 * built for another major version with a message naming the plugin and both versions.
 */
public final class ApiVersion {
    /**
     * The contract version of this build. Bump on any incompatible SPI change. Version 2: kernels
     * take typed {@code KernelCall} records instead of string-named arguments, and plugin device
     * functions launch a {@code DeviceLaunch} (work-group size, local memory). Version 3: a
     * {@code KernelCall} implements {@code kernelOp()} (its {@code KernelOp} constant), from which
     * {@code layerType()} and {@code op()} are derived, and {@code tensors()} defaults to a record's
     * tensor components.
     */
    public static final int CURRENT = 3;

    private ApiVersion() {
    }

    /**
     * Whether a plugin compiled against {@code pluginVersion} can run against this build.
     *
     * @param pluginVersion the API version the plugin reports (its {@code apiVersion()})
     * @return whether a plugin compiled against {@code pluginVersion} can run against this build
     */
    public static boolean isCompatible(int pluginVersion) {
        return pluginVersion == CURRENT;
    }

    /**
     * Throws a {@link JConvNetException} naming the plugin when its version is incompatible.
     *
     * @param what the plugin as the error should name it, e.g. {@code backend provider com.example.Foo}
     * @param pluginVersion the API version the plugin reports
     */
    public static void check(String what, int pluginVersion) {
        if (!isCompatible(pluginVersion)) {
            throw new JConvNetException(what + " was compiled against jconvnet plugin API version "
                    + pluginVersion + ", but this jconvnet provides API version " + CURRENT
                    + "; rebuild the plugin against this jconvnet release");
        }
    }
}
