package org.jconvnet.api.backend;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.jconvnet.api.JConvNetException;

/**
 * Chooses the backend at start-up, following DESIGN.md.
 *
 * <ol>
 *   <li>An explicit choice wins: the API argument, else the system property
 *       {@value #PROPERTY}, else the environment variable {@value #ENV}. It never falls back:
 *       when that backend is unavailable the error gives its reason.</li>
 *   <li>Otherwise every backend is probed and the available one with the highest priority given
 *       its device ({@link BackendProvider#priority(Availability)}) is taken; ties go to the
 *       registry's order (static priority, then id).</li>
 *   <li>When none is available, the error is the table of every backend with its reason.</li>
 * </ol>
 */
public final class BackendSelector {
    /** System property naming the backend. */
    public static final String PROPERTY = "jconvnet.backend";
    /** Environment variable naming the backend. */
    public static final String ENV = "JCONVNET_BACKEND";

    private final BackendRegistry registry;
    private final Function<String, String> environment;

    /**
     * A selector reading the real environment.
     *
     * @param registry the backends to choose from
     */
    public BackendSelector(BackendRegistry registry) {
        this(registry, System::getenv);
    }

    /**
     * A selector with an injectable environment (for tests).
     *
     * @param registry the backends to choose from
     * @param environment reads an environment variable by name ({@code System::getenv} in production)
     */
    public BackendSelector(BackendRegistry registry, Function<String, String> environment) {
        this.registry = registry;
        this.environment = environment;
    }

    /**
     * The outcome of selection.
     *
     * @param provider the chosen provider
     * @param how      one line explaining the choice, for the log
     */
    public record Choice(BackendProvider provider, String how) {
    }

    /**
     * Resolves the explicit choice, if any: the argument, else the property, else the environment.
     *
     * @param requested the API-level choice, or {@code null}/blank for "not given"
     * @return the explicitly chosen backend id, or empty when no choice was made anywhere
     */
    public Optional<String> explicitChoice(String requested) {
        if (requested != null && !requested.isBlank()) {
            return Optional.of(requested.trim());
        }
        String prop = System.getProperty(PROPERTY);
        if (prop != null && !prop.isBlank()) {
            return Optional.of(prop.trim());
        }
        String env = environment.apply(ENV);
        return env == null || env.isBlank() ? Optional.empty() : Optional.of(env.trim());
    }

    /**
     * Chooses a provider.
     *
     * @param requested the API-level choice, or {@code null}/blank for "not given"
     * @return the chosen provider and a line saying how it was chosen
     * @throws JConvNetException when the explicit choice is unknown or unavailable, or nothing is available
     */
    public Choice choose(String requested) {
        Optional<String> explicit = explicitChoice(requested);
        if (explicit.isPresent()) {
            String id = explicit.get();
            BackendProvider p = registry.find(id).orElseThrow(() -> new JConvNetException(
                    "unknown backend '" + id + "'; known backends: " + String.join(", ", registry.ids())));
            Availability a = p.probe();
            if (!a.available()) {
                throw new JConvNetException("backend '" + id + "' was requested but is unavailable: "
                        + a.detail() + " (explicit choices never fall back; drop the choice to pick automatically)");
            }
            return new Choice(p, "using backend '" + id + "' (requested) on " + a.detail());
        }
        BackendProvider best = null;
        Availability bestProbe = null;
        int bestPriority = Integer.MIN_VALUE;
        for (BackendProvider p : registry.providers()) {
            Availability a = p.probe();
            if (!a.available()) {
                continue;
            }
            int priority = p.priority(a);
            if (priority > bestPriority) {
                best = p;
                bestProbe = a;
                bestPriority = priority;
            }
        }
        if (best != null) {
            return new Choice(best, "using backend '" + best.id() + "' (highest-priority available) on "
                    + bestProbe.detail());
        }
        List<BackendStatus> rows = registry.statuses();
        throw new JConvNetException("no backend is available:" + System.lineSeparator()
                + BackendRegistry.table(rows));
    }

    /**
     * Chooses and starts the backend.
     *
     * @param requested the API-level choice, or {@code null}/blank for "not given"
     * @param config the settings passed to the backend's {@link BackendProvider#create}
     * @return the started backend
     */
    public Backend open(String requested, BackendConfig config) {
        return choose(requested).provider().create(config);
    }
}
