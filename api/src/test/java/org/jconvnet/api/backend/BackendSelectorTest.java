package org.jconvnet.api.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.jconvnet.api.ApiVersion;
import org.jconvnet.api.JConvNetException;
import org.junit.jupiter.api.Test;

/**
 * Automatic selection by the priority each provider gives itself once probed: a provider that
 * ranks high statically but low on the device it found (OpenCL on a CPU) loses to one ranked
 * between the two; ties keep the registry's order; the backends table follows the same order.
 */
class BackendSelectorTest {
    /** A provider with a fixed probe, and a probed priority that may differ from its static one. */
    private record Fake(String id, int priority, int probedPriority, boolean available) implements BackendProvider {
        @Override
        public int apiVersion() {
            return ApiVersion.CURRENT;
        }

        @Override
        public int priority(Availability probed) {
            return probed.available() ? probedPriority : priority;
        }

        @Override
        public Availability probe() {
            return available ? Availability.available(id + " device") : Availability.unavailable(id + " is missing");
        }

        @Override
        public Backend create(BackendConfig config) {
            throw new UnsupportedOperationException("never started here");
        }
    }

    private static BackendSelector selector(BackendProvider... providers) {
        BackendRegistry registry = BackendRegistry.of(List.of(providers), BackendSelectorTest.class.getClassLoader());
        return new BackendSelector(registry, Map.<String, String>of()::get);
    }

    @Test
    void aProviderRankingItselfLowOnItsDeviceLosesToOneRankedBetween() {
        BackendSelector s = selector(new Fake("gpu-or-cpu", 200, 120, true), new Fake("fast-cpu", 150, 150, true),
                new Fake("reference", 100, 100, true), new Fake("absent", 300, 300, false));
        BackendSelector.Choice c = s.choose(null);
        assertEquals("fast-cpu", c.provider().id());
        assertEquals("using backend 'fast-cpu' (highest-priority available) on fast-cpu device", c.how());
    }

    @Test
    void withoutProbedPrioritiesTheHighestStaticPriorityWins() {
        BackendSelector s = selector(new Fake("gpu", 200, 200, true), new Fake("fast-cpu", 150, 150, true));
        assertEquals("gpu", s.choose(null).provider().id());
    }

    @Test
    void aTieGoesToTheRegistryOrder() {
        BackendSelector s = selector(new Fake("b", 150, 150, true), new Fake("a", 200, 150, true));
        assertEquals("a", s.choose(null).provider().id(), "equal probed priorities: the higher static one first");
    }

    @Test
    void theTableListsBackendsInSelectionOrderWithTheirProbedPriorities() {
        BackendRegistry registry = BackendRegistry.of(List.of(new Fake("gpu-or-cpu", 200, 120, true),
                new Fake("fast-cpu", 150, 150, true), new Fake("absent", 300, 300, false)), getClass().getClassLoader());
        List<BackendStatus> rows = registry.statuses();
        assertEquals(List.of("absent", "fast-cpu", "gpu-or-cpu"), rows.stream().map(BackendStatus::id).toList());
        assertEquals(List.of(300, 150, 120), rows.stream().map(BackendStatus::priority).toList());
    }

    @Test
    void nothingAvailableListsEveryReason() {
        JConvNetException e = assertThrows(JConvNetException.class,
                () -> selector(new Fake("x", 100, 100, false)).choose(null));
        assertTrue(e.getMessage().contains("x is missing"), e.getMessage());
    }
}
