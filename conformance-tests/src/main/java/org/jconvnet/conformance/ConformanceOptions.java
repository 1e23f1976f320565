package org.jconvnet.conformance;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What a conformance run covers.
 *
 * @param backends        backend ids to test; empty means every discovered backend
 * @param require         backend ids that must be available: an unavailable one is a failure, not a skip
 * @param referenceChecks whether to also check the reference itself (gradient checks, golden cases)
 * @param wholeNet        whether to run the whole seed net on each backend
 * @param loader          where backends, kernels, layer plugins and policies are discovered; started
 *                        backends get it as their {@link org.jconvnet.api.backend.BackendConfig#pluginLoader()}
 */
public record ConformanceOptions(List<String> backends, Set<String> require, boolean referenceChecks,
                                 boolean wholeNet, ClassLoader loader) {
    /** System property selecting backends, comma-separated. */
    public static final String BACKENDS_PROPERTY = "jconvnet.conformance.backends";
    /** System property naming backends that must be available, comma-separated. */
    public static final String REQUIRE_PROPERTY = "jconvnet.conformance.require";

    /** Copies the collections. */
    public ConformanceOptions {
        backends = List.copyOf(backends);
        require = Set.copyOf(require);
    }

    /** Every discovered backend, nothing required, reference checks and whole net on, this class's loader. */
    public static ConformanceOptions defaults() {
        return new ConformanceOptions(List.of(), Set.of(), true, true, defaultLoader());
    }

    /** The defaults, with {@value #BACKENDS_PROPERTY} and {@value #REQUIRE_PROPERTY} applied. */
    public static ConformanceOptions fromSystemProperties() {
        return defaults().withBackends(ids(System.getProperty(BACKENDS_PROPERTY)))
                .withRequire(Set.copyOf(ids(System.getProperty(REQUIRE_PROPERTY))));
    }

    /** Parses a comma-separated id list; null or blank gives an empty list. */
    public static List<String> ids(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        return List.copyOf(new LinkedHashSet<>(Arrays.stream(text.split(",")).map(String::trim)
                .filter(s -> !s.isEmpty()).toList()));
    }

    /** A copy selecting these backends (empty: all). */
    public ConformanceOptions withBackends(List<String> ids) {
        return new ConformanceOptions(ids, require, referenceChecks, wholeNet, loader);
    }

    /** A copy requiring these backends. */
    public ConformanceOptions withRequire(Set<String> ids) {
        return new ConformanceOptions(backends, ids, referenceChecks, wholeNet, loader);
    }

    /** A copy with reference checks on or off. */
    public ConformanceOptions withReferenceChecks(boolean on) {
        return new ConformanceOptions(backends, require, on, wholeNet, loader);
    }

    /** A copy with the whole-net check on or off. */
    public ConformanceOptions withWholeNet(boolean on) {
        return new ConformanceOptions(backends, require, referenceChecks, on, loader);
    }

    /** A copy discovering plug-ins on {@code cl}. */
    public ConformanceOptions withLoader(ClassLoader cl) {
        return new ConformanceOptions(backends, require, referenceChecks, wholeNet, cl);
    }

    private static ClassLoader defaultLoader() {
        // The suite's own loader sees every backend and plug-in on the class path; callers with a
        // plugin class loader (the CLI) pass it with withLoader.
        return ConformanceOptions.class.getClassLoader();
    }
}
