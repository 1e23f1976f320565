package org.jconvnet.conformance.mutant;

import java.util.HashMap;
import java.util.Map;
import java.util.ServiceLoader;
import org.jconvnet.api.ApiVersion;
import org.jconvnet.api.kernel.Kernel;
import org.jconvnet.api.kernel.KernelFactory;
import org.jconvnet.api.kernel.KernelKey;
import org.jconvnet.api.kernel.KernelProvider;

/**
 * Base of the mutant kernel providers: every CPU reference kernel under the mutant's id, with the
 * one kernel of the targeted layer type and op passed through {@link #corrupted}.
 */
abstract class MutantKernels implements KernelProvider {
    private final String backendId;
    private final String layerType;
    private final String op;

    /** Kernels of the mutant {@code backendId} with no corruption at all. */
    MutantKernels(String backendId) {
        this(backendId, null, null);
    }

    /** Kernels of the mutant {@code backendId} whose {@code layerType} {@code op} kernel is corrupted. */
    MutantKernels(String backendId, String layerType, String op) {
        this.backendId = backendId;
        this.layerType = layerType;
        this.op = op;
    }

    @Override
    public final String backendId() {
        return backendId;
    }

    /** The corrupted form of the targeted kernel; only mutants that name a target override it. */
    Kernel corrupted(Kernel clean) {
        return clean;
    }

    /** The kernel the mutant serves for {@code key}: the corrupted one for its target, else {@code clean}. */
    private Kernel corrupt(KernelKey key, Kernel clean) {
        boolean targeted = layerType != null && key.layerType().equals(layerType) && key.op().equals(op);
        return targeted ? corrupted(clean) : clean;
    }

    @Override
    public int apiVersion() {
        return ApiVersion.CURRENT;
    }

    @Override
    public Map<KernelKey, KernelFactory> kernels() {
        Map<KernelKey, KernelFactory> out = new HashMap<>();
        for (KernelProvider p : ServiceLoader.load(KernelProvider.class, getClass().getClassLoader())) {
            if (!p.backendId().equals("cpu")) {
                continue;
            }
            p.kernels().forEach((key, factory) -> out.put(key,
                    backend -> corrupt(key, factory.create(((MutantBackend) backend).cpu()))));
        }
        return out;
    }
}
