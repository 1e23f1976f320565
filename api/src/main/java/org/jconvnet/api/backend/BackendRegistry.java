package org.jconvnet.api.backend;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.jconvnet.api.ApiVersion;
import org.jconvnet.api.JConvNetException;
import org.jconvnet.api.kernel.KernelKey;
import org.jconvnet.api.kernel.KernelRegistry;
import org.jconvnet.api.tensor.DType;

/**
 * Every {@link BackendProvider} found on a class loader, ordered by descending priority and then
 * by id. Two providers claiming one id, or a provider built for another API version, are refused
 * with a message naming both classes.
 */
public final class BackendRegistry {
    private final Map<String, BackendProvider> providers;
    private final ClassLoader loader;

    private BackendRegistry(Map<String, BackendProvider> providers, ClassLoader loader) {
        this.providers = providers;
        this.loader = loader;
    }

    /**
     * Discovers providers through {@link ServiceLoader} on the given class loader.
     *
     * @param loader the class loader whose {@code META-INF/services} are read
     * @return a registry of every provider found, in selection order
     */
    public static BackendRegistry discover(ClassLoader loader) {
        List<BackendProvider> found = new ArrayList<>();
        try {
            for (BackendProvider p : ServiceLoader.load(BackendProvider.class, loader)) {
                found.add(p);
            }
        } catch (ServiceConfigurationError e) {
            throw new JConvNetException("cannot load a backend provider: " + e.getMessage(), e);
        }
        return of(found, loader);
    }

    /**
     * Builds a registry from explicit providers (tests, embedding applications).
     *
     * @param list the providers; their ids must be distinct
     * @param loader the class loader kernels will be discovered on
     * @return a registry of {@code list}, in selection order
     */
    public static BackendRegistry of(List<BackendProvider> list, ClassLoader loader) {
        Map<String, BackendProvider> byId = new LinkedHashMap<>();
        list.stream()
                .sorted(Comparator.comparingInt((BackendProvider p) -> p.priority()).reversed()
                        .thenComparing(BackendProvider::id))
                .forEach(p -> {
                    ApiVersion.check("backend provider " + p.getClass().getName(), apiVersionOf(p));
                    BackendProvider clash = byId.putIfAbsent(p.id(), p);
                    if (clash != null) {
                        throw new JConvNetException("two backend providers claim id '" + p.id() + "': "
                                + clash.getClass().getName() + " and " + p.getClass().getName());
                    }
                });
        return new BackendRegistry(byId, loader);
    }

    private static int apiVersionOf(BackendProvider p) {
        try {
            return p.apiVersion();
        } catch (AbstractMethodError e) {
            return 0;
        }
    }

    /** {@return providers in selection order (priority descending, then id)} */
    public List<BackendProvider> providers() {
        return List.copyOf(providers.values());
    }

    /**
     * The provider with this id, if discovered.
     *
     * @param id a backend id, e.g. {@code opencl}
     * @return the provider with this id, if discovered
     */
    public Optional<BackendProvider> find(String id) {
        return Optional.ofNullable(providers.get(id));
    }

    /** {@return the known ids, sorted} */
    public Set<String> ids() {
        return new TreeSet<>(providers.keySet());
    }

    /** {@return the class loader kernels are discovered from} */
    public ClassLoader classLoader() {
        return loader;
    }

    /**
     * Probes every provider and returns one row per backend, in selection order: by the priority
     * each ranks itself at given what its probe found ({@link BackendProvider#priority(Availability)}),
     * then the registry's order.
     *
     * @return one row per backend (id, probed priority, availability), in selection order
     */
    public List<BackendStatus> statuses() {
        Map<String, Set<KernelKey>> keys = KernelRegistry.declaredKeys(loader);
        Set<KernelKey> reference = keys.getOrDefault("cpu", Set.of()).stream()
                .filter(k -> k.dtype() == DType.FLOAT32).collect(Collectors.toSet());
        List<BackendStatus> rows = new ArrayList<>();
        for (BackendProvider p : providers.values()) {
            long have = keys.getOrDefault(p.id(), Set.of()).stream()
                    .filter(reference::contains).count();
            String coverage = reference.isEmpty() ? "-" : have + "/" + reference.size() + " kernels";
            Availability a = p.probe();
            rows.add(new BackendStatus(p.id(), p.priority(a), a, coverage));
        }
        rows.sort(Comparator.comparingInt(BackendStatus::priority).reversed()); // stable: ties keep registry order
        return rows;
    }

    /**
     * Formats statuses as the table {@code jconvnet backends} prints.
     *
     * @param rows the statuses to print
     * @return the table, one line per backend
     */
    public static String table(List<BackendStatus> rows) {
        int idW = Math.max(7, rows.stream().mapToInt(r -> r.id().length()).max().orElse(0));
        StringBuilder sb = new StringBuilder();
        String fmt = "%-" + idW + "s  %-8s  %-11s  %-14s  %s%n";
        sb.append(String.format(fmt, "BACKEND", "PRIORITY", "STATUS", "KERNELS", "DETAIL"));
        for (BackendStatus r : rows) {
            sb.append(String.format(fmt, r.id(), r.priority(),
                    r.availability().available() ? "available" : "unavailable",
                    r.kernelCoverage(), r.availability().detail()));
        }
        return sb.toString();
    }
}
