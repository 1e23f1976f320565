package org.jconvnet.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.jconvnet.api.ApiVersion;
import org.jconvnet.api.backend.Availability;
import org.jconvnet.api.backend.Backend;
import org.jconvnet.api.backend.BackendConfig;
import org.jconvnet.api.backend.BackendProvider;
import org.jconvnet.api.backend.BackendRegistry;
import org.jconvnet.api.layer.LayerPluginRegistry;
import org.jconvnet.backend.cpu.CpuBackendProvider;
import org.junit.jupiter.api.Test;

/** Backend selection and strictness, with synthetic providers and no layer plugins (so nothing heavy runs). */
class RunnerSelectionTest {

    /** A provider whose probe says what it is told. */
    private static final class FakeProvider implements BackendProvider {
        private final String id;
        private final int priority;
        private final Availability availability;

        FakeProvider(String id, int priority, Availability availability) {
            this.id = id;
            this.priority = priority;
            this.availability = availability;
        }

        @Override
        public int apiVersion() {
            return ApiVersion.CURRENT;
        }

        @Override
        public String id() {
            return id;
        }

        @Override
        public int priority() {
            return priority;
        }

        @Override
        public Availability probe() {
            return availability;
        }

        @Override
        public Backend create(BackendConfig config) {
            return new CpuBackendProvider().create(config);
        }
    }

    private static ConformanceRunner runner(List<String> backends, Set<String> require) {
        BackendRegistry reg = BackendRegistry.of(List.of(
                new FakeProvider("ghost", 300, Availability.unavailable("libghost.so not found")),
                new FakeProvider("fake", 200, Availability.available("fake device")),
                new CpuBackendProvider()), RunnerSelectionTest.class.getClassLoader());
        ConformanceOptions o = ConformanceOptions.defaults().withBackends(backends).withRequire(require)
                .withReferenceChecks(false).withWholeNet(false);
        return new ConformanceRunner(o, reg, LayerPluginRegistry.of(List.of()));
    }

    @Test
    void defaultSelectionIsEveryDiscoveredBackendInPriorityOrder() {
        assertEquals(List.of("ghost", "fake", "cpu"), runner(List.of(), Set.of()).selectedBackends());
        assertEquals(List.of("cpu", "ghost"), runner(List.of("cpu"), Set.of("ghost")).selectedBackends());
    }

    @Test
    void anUnavailableBackendIsSkippedWithItsProbeReason() {
        ConformanceReport r = runner(List.of("ghost", "fake"), Set.of()).run();
        assertFalse(r.failed(), r::summary);
        CheckResult skip = r.results().get(0);
        assertEquals(Status.SKIP, skip.status());
        assertEquals("libghost.so not found", skip.message());
        assertEquals(new BackendOutcome("ghost", false, "libghost.so not found"), r.backends().get(0));
        assertEquals(new BackendOutcome("fake", true, r.backends().get(1).detail()), r.backends().get(1));
    }

    @Test
    void aRequiredUnavailableBackendFailsTheRun() {
        ConformanceReport r = runner(List.of("cpu"), Set.of("ghost")).run();
        assertTrue(r.failed());
        CheckResult fail = r.failures().get(0);
        assertEquals("ghost", fail.backend());
        assertTrue(fail.message().contains("required") && fail.message().contains("libghost.so not found"), fail.message());
    }

    @Test
    void anUnknownBackendIsAFailureNamingTheKnownOnes() {
        ConformanceReport r = runner(List.of("opncl"), Set.of()).run();
        assertTrue(r.failed());
        assertTrue(r.failures().get(0).message().contains("unknown backend 'opncl'; discovered backends: cpu, fake, ghost"),
                r.failures().get(0).message());
    }

    @Test
    void idListsAreTrimmedAndDeduplicated() {
        assertEquals(List.of("a", "b"), ConformanceOptions.ids(" a, b ,a,,"));
        assertEquals(List.of(), ConformanceOptions.ids(null));
    }
}
