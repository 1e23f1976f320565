package org.jconvnet.conformance.junit;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.jconvnet.conformance.CheckResult;
import org.jconvnet.conformance.ConformanceOptions;
import org.jconvnet.conformance.ConformanceRunner;
import org.jconvnet.conformance.check.Check;
import org.jconvnet.conformance.check.CheckContext;
import org.jconvnet.conformance.check.CheckExecutor;
import org.jconvnet.conformance.check.CheckId;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;

/**
 * The conformance suite as JUnit 5 dynamic tests. A backend module runs it with
 *
 * <pre>
 * class MyBackendConformanceTest {
 *     &#64;TestFactory
 *     Stream&lt;DynamicNode&gt; conformance() {
 *         return ConformanceTests.forBackend("mybackend");
 *     }
 * }
 * </pre>
 *
 * <p>One container per check (a layer case, a probe, the whole net), one test per op. Passes and
 * expected failures pass; skips (policy or unavailable backend) are aborted tests carrying the
 * reason; failures and unexpected passes fail with the message naming layer, op and first wrong
 * index. {@code -Djconvnet.conformance.require=<id>} turns an unavailable backend into a failure;
 * {@code -Djconvnet.conformance.backends=a,b} skips backends not listed.
 */
public final class ConformanceTests {
    private ConformanceTests() {
    }

    /** The suite for one backend, with options from the system properties. */
    public static Stream<DynamicNode> forBackend(String backendId) {
        return forBackend(backendId, ConformanceOptions.fromSystemProperties());
    }

    /** The suite for one backend with explicit options (their backend selection filters this backend). */
    public static Stream<DynamicNode> forBackend(String backendId, ConformanceOptions options) {
        if (!options.backends().isEmpty() && !options.backends().contains(backendId)
                && !options.require().contains(backendId)) {
            return Stream.of(skip(backendId, "not selected by -D" + ConformanceOptions.BACKENDS_PROPERTY + "="
                    + String.join(",", options.backends())));
        }
        ConformanceRunner runner = new ConformanceRunner(options);
        Optional<String> why = runner.unavailableReason(backendId);
        if (why.isPresent()) {
            if (runner.required(backendId) || runner.registry().find(backendId).isEmpty()) {
                return Stream.of(DynamicTest.dynamicTest(backendId + " is unavailable",
                        () -> Assertions.fail("backend '" + backendId + "' is required but unavailable: " + why.get())));
            }
            return Stream.of(skip(backendId, "backend '" + backendId + "' is unavailable: " + why.get()));
        }
        CheckContext ctx = runner.contextFor(backendId);
        return nodes(runner.backendChecks(), ctx).onClose(ctx::close);
    }

    /** The checks of the reference itself: gradient checks, external and frozen golden cases. */
    public static Stream<DynamicNode> forReference() {
        return forReference(ConformanceOptions.fromSystemProperties());
    }

    /** The reference checks with explicit options. */
    public static Stream<DynamicNode> forReference(ConformanceOptions options) {
        ConformanceRunner runner = new ConformanceRunner(options);
        CheckContext ctx = runner.referenceContext();
        return nodes(runner.referenceChecks(), ctx).onClose(ctx::close);
    }

    /** Dynamic tests for {@code checks} in {@code ctx}: each check runs once, when its first op's test runs. */
    public static Stream<DynamicNode> nodes(List<Check> checks, CheckContext ctx) {
        List<DynamicNode> nodes = new ArrayList<>();
        for (Check c : checks) {
            Supplier<Map<CheckId, CheckResult>> results = memoize(() -> {
                Map<CheckId, CheckResult> m = new HashMap<>();
                for (CheckResult r : CheckExecutor.execute(c, ctx)) {
                    m.put(ConformanceRunner.idOf(r), r);
                }
                return m;
            });
            List<DynamicTest> tests = new ArrayList<>();
            for (CheckId id : c.planned()) {
                String name = id.layer() + " " + id.caseName() + " " + id.op();
                tests.add(DynamicTest.dynamicTest(name, () -> assertResult(results.get().get(id), id)));
            }
            nodes.add(DynamicContainer.dynamicContainer(c.kind() + ": " + c.title(), tests.stream()));
        }
        return nodes.stream();
    }

    /** Passes for PASS and XFAIL, aborts for SKIP, fails for FAIL and XPASS. */
    public static void assertResult(CheckResult r, CheckId id) {
        if (r == null) {
            Assertions.fail("no result for " + id);
            return;
        }
        switch (r.status()) {
            case PASS:
            case XFAIL:
                return;
            case SKIP:
                Assumptions.abort(r.message());
                return;
            default:
                Assertions.fail(r.describe());
        }
    }

    private static DynamicTest skip(String backendId, String reason) {
        return DynamicTest.dynamicTest(backendId + " skipped", () -> Assumptions.abort(reason));
    }

    private static <T> Supplier<T> memoize(Supplier<T> s) {
        Object[] box = new Object[1];
        return () -> {
            synchronized (box) {
                if (box[0] == null) {
                    box[0] = s.get();
                }
                @SuppressWarnings("unchecked")
                T t = (T) box[0];
                return t;
            }
        };
    }
}
