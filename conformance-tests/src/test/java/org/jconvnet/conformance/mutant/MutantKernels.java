package org.jconvnet.conformance.mutant;

import java.util.HashMap;
import java.util.Map;
import java.util.ServiceLoader;
import org.jconvnet.api.ApiVersion;
import org.jconvnet.api.kernel.Kernel;
import org.jconvnet.api.kernel.KernelArgs;
import org.jconvnet.api.kernel.KernelFactory;
import org.jconvnet.api.kernel.KernelKey;
import org.jconvnet.api.kernel.KernelProvider;
import org.jconvnet.api.tensor.Tensor;

/**
 * Base of the mutant kernel providers: every CPU reference kernel under the mutant's id, with
 * {@link #corrupt} given the chance to replace one of them.
 */
abstract class MutantKernels implements KernelProvider {

    /** The corrupted kernel for {@code key}, or {@code clean} unchanged. */
    abstract Kernel corrupt(KernelKey key, Kernel clean);

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

    /** A copy of {@code args} with tensor {@code name} replaced. */
    static KernelArgs replacing(KernelArgs args, String name, Tensor t) {
        KernelArgs copy = KernelArgs.create();
        args.tensors().forEach((k, v) -> copy.tensor(k, k.equals(name) ? t : v));
        args.integers().forEach(copy::integer);
        args.reals().forEach(copy::real);
        return copy;
    }
}
