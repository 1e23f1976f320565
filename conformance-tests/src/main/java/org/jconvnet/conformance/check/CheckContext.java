package org.jconvnet.conformance.check;

import java.util.function.Supplier;
import org.jconvnet.api.backend.Backend;
import org.jconvnet.api.layer.LayerPluginRegistry;
import org.jconvnet.api.tensor.DType;
import org.jconvnet.conformance.CheckResult;
import org.jconvnet.conformance.Status;
import org.jconvnet.conformance.compare.ErrorStats;
import org.jconvnet.conformance.policy.BackendPolicy;
import org.jconvnet.conformance.policy.PolicyRule;

/**
 * What a check runs against: the backend under test (started on first use), the dtype it is held
 * to, the float64 CPU reference, the layer plugins and the backend's policy.
 */
public final class CheckContext {
    /** Why each check's tolerance is what it is, by check id (checks may run on several threads). */
    private final java.util.Map<String, String> toleranceReasons = new java.util.concurrent.ConcurrentHashMap<>();
    /** The backend id used for checks of the reference itself. */
    public static final String REFERENCE = "reference";

    private final String backendId;
    private final Supplier<Backend> backendStarter;
    private final Supplier<Backend> referenceStarter;
    private final LayerPluginRegistry plugins;
    private final BackendPolicy policy;
    private Backend backend;
    private Backend reference;

    /**
     * Creates a context.
     *
     * @param backendId        id of the backend under test ({@link #REFERENCE} for reference checks)
     * @param backendStarter   starts the backend under test (called at most once)
     * @param referenceStarter starts the CPU reference (called at most once)
     * @param plugins          the layer plugins
     * @param policy           the backend's rules
     */
    public CheckContext(String backendId, Supplier<Backend> backendStarter, Supplier<Backend> referenceStarter,
                        LayerPluginRegistry plugins, BackendPolicy policy) {
        this.backendId = backendId;
        this.backendStarter = backendStarter;
        this.referenceStarter = referenceStarter;
        this.plugins = plugins;
        this.policy = policy;
    }

    /** Id of the backend under test. */
    public String backendId() {
        return backendId;
    }

    /** The backend under test, started on first use. */
    public synchronized Backend backend() {
        if (backend == null) {
            backend = backendStarter.get();
        }
        return backend;
    }

    /** The dtype the backend under test is held to: float32 when it has it (as training uses), else float64. */
    public DType dtype() {
        return backend().supportedDTypes().contains(DType.FLOAT32) ? DType.FLOAT32 : DType.FLOAT64;
    }

    /** The CPU reference backend (run in float64 by the checks). */
    public synchronized Backend reference() {
        if (reference == null) {
            reference = referenceStarter.get();
        }
        return reference;
    }

    /** The layer plugins. */
    public LayerPluginRegistry plugins() {
        return plugins;
    }

    /** The backend's policy. */
    public BackendPolicy policy() {
        return policy;
    }

    /**
     * The effective relative tolerance of a check: the policy's override, else {@code caseTolerance};
     * remembers {@code reason} (why the case's tolerance is what it is) for the check's result.
     */
    public double tolerance(CheckId id, double caseTolerance, String reason) {
        toleranceReasons.put(id.toString(), reason);
        return policy.tolerance(id.toString(), caseTolerance);
    }

    /**
     * Turns a comparison into a result, with the reason of its tolerance: the policy override's
     * when one applied (also cited in the message), else the one given to {@link #tolerance}.
     */
    public CheckResult result(String kind, CheckId id, ErrorStats stats) {
        String note = stats.passed() ? "" : stats.describe();
        String override = policy.toleranceRule(id.toString()).map(PolicyRule::reason).orElse(null);
        if (override != null) {
            note = (note.isEmpty() ? "" : note + "; ") + "tolerance override: " + override;
        }
        String reason = override != null ? "backend policy: " + override : toleranceReasons.getOrDefault(id.toString(), "");
        return new CheckResult(backendId, kind, id.layer(), id.caseName(), id.op(),
                stats.passed() ? Status.PASS : Status.FAIL, stats.maxAbs(), stats.maxRel(), stats.tolerance(), reason, note);
    }

    /** A failed result carrying an exception's description. */
    public CheckResult error(String kind, CheckId id, Throwable t) {
        return new CheckResult(backendId, kind, id.layer(), id.caseName(), id.op(), Status.FAIL,
                Double.NaN, Double.NaN, Double.NaN, "", Failures.describe(t));
    }

    /** A result with no numbers. */
    public CheckResult plain(String kind, CheckId id, Status status, String message) {
        return new CheckResult(backendId, kind, id.layer(), id.caseName(), id.op(), status,
                Double.NaN, Double.NaN, Double.NaN, "", message);
    }

    /** Closes the backends this context started. */
    public synchronized void close() {
        if (backend != null && backend != reference) {
            backend.close();
        }
        if (reference != null) {
            reference.close();
        }
        backend = null;
        reference = null;
    }
}
