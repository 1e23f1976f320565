package org.jconvnet.api.kernel;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.jconvnet.api.ApiVersion;
import org.jconvnet.api.JConvNetException;
import org.jconvnet.api.backend.Backend;

/**
 * The kernels of one started backend, gathered from every {@link KernelProvider} of its id.
 * Kernels are created on first use and cached. Two providers offering one key for the same backend
 * is an error naming both.
 */
public final class KernelRegistry {
    private final Backend backend;
    private final Map<KernelKey, KernelFactory> factories;
    private final Map<KernelKey, Set<String>> backendsByKey;
    private final Map<KernelKey, Kernel> created = new ConcurrentHashMap<>();

    private KernelRegistry(Backend backend, Map<KernelKey, KernelFactory> factories,
                           Map<KernelKey, Set<String>> backendsByKey) {
        this.backend = backend;
        this.factories = factories;
        this.backendsByKey = backendsByKey;
    }

    /**
     * Gathers the kernels for {@code backend} from the providers visible to {@code loader}.
     *
     * @param backend the started backend
     * @param loader the class loader whose kernel providers are read
     * @return the registry of {@code backend}'s kernels
     * @throws JConvNetException if two providers claim one key, or a provider has the wrong API version
     */
    public static KernelRegistry discover(Backend backend, ClassLoader loader) {
        Map<KernelKey, KernelFactory> mine = new HashMap<>();
        Map<KernelKey, String> owner = new HashMap<>();
        Map<KernelKey, Set<String>> backendsByKey = new HashMap<>();
        for (KernelProvider p : load(loader)) {
            for (Map.Entry<KernelKey, KernelFactory> e : p.kernels().entrySet()) {
                backendsByKey.computeIfAbsent(e.getKey(), k -> new TreeSet<>()).add(p.backendId());
                if (!p.backendId().equals(backend.id())) {
                    continue;
                }
                String previous = owner.putIfAbsent(e.getKey(), p.getClass().getName());
                if (previous != null) {
                    throw new JConvNetException("kernel " + e.getKey() + " for backend '" + backend.id()
                            + "' is provided twice: by " + previous + " and by " + p.getClass().getName());
                }
                mine.put(e.getKey(), e.getValue());
            }
        }
        return new KernelRegistry(backend, mine, backendsByKey);
    }

    /**
     * The keys every discovered provider declares, by backend id (no natives are touched).
     *
     * @param loader the class loader whose kernel providers are read
     * @return the declared keys, by backend id
     */
    public static Map<String, Set<KernelKey>> declaredKeys(ClassLoader loader) {
        Map<String, Set<KernelKey>> out = new TreeMap<>();
        for (KernelProvider p : load(loader)) {
            out.computeIfAbsent(p.backendId(), k -> new TreeSet<>()).addAll(p.kernels().keySet());
        }
        return out;
    }

    private static List<KernelProvider> load(ClassLoader loader) {
        List<KernelProvider> list = new ArrayList<>();
        try {
            for (KernelProvider p : ServiceLoader.load(KernelProvider.class, loader)) {
                int v;
                try {
                    v = p.apiVersion();
                } catch (AbstractMethodError e) {
                    v = 0;
                }
                ApiVersion.check("kernel provider " + p.getClass().getName(), v);
                list.add(p);
            }
        } catch (ServiceConfigurationError e) {
            throw new JConvNetException("cannot load a kernel provider: " + e.getMessage(), e);
        }
        return list;
    }

    /**
     * Whether this backend has a kernel for {@code key}.
     *
     * @param key the kernel key
     * @return whether this backend has a kernel for {@code key}
     */
    public boolean has(KernelKey key) {
        return factories.containsKey(key);
    }

    /** {@return the keys this backend has, sorted} */
    public Set<KernelKey> keys() {
        return Collections.unmodifiableSet(new TreeSet<>(factories.keySet()));
    }

    /**
     * The kernel for {@code key}.
     *
     * @param key the kernel key
     * @return the kernel, created on first use
     * @throws MissingKernelException naming layer, op, backend and the backends that have it
     */
    public Kernel get(KernelKey key) {
        Kernel k = created.get(key);
        if (k != null) {
            return k;
        }
        KernelFactory f = factories.get(key);
        if (f == null) {
            throw new MissingKernelException(key, backend.id(), backendsByKey.getOrDefault(key, Set.of()));
        }
        return created.computeIfAbsent(key, kk -> f.create(backend));
    }
}
