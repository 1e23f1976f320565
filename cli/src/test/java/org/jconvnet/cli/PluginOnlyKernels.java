package org.jconvnet.cli;

import java.util.Map;
import org.jconvnet.api.ApiVersion;
import org.jconvnet.api.kernel.KernelFactory;
import org.jconvnet.api.kernel.KernelKey;
import org.jconvnet.api.kernel.KernelProvider;
import org.jconvnet.api.tensor.DType;

/**
 * A kernel provider for the CPU backend that is registered nowhere on the test class path: only
 * the service file in a plugin jar written by {@link PluginWiringTest} names it, so a started
 * backend can have its kernel only if it discovered kernels on the plugin class loader.
 */
public final class PluginOnlyKernels implements KernelProvider {
    /** The one key this provider offers. */
    static final KernelKey KEY = KernelKey.of("plugin-only-probe", "forward", DType.FLOAT32);

    @Override
    public int apiVersion() {
        return ApiVersion.CURRENT;
    }

    @Override
    public String backendId() {
        return "cpu";
    }

    @Override
    public Map<KernelKey, KernelFactory> kernels() {
        KernelFactory neverUsed = backend -> {
            throw new UnsupportedOperationException("the test only looks the key up");
        };
        return Map.of(KEY, neverUsed);
    }
}
