package org.jconvnet.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.util.List;
import java.util.Optional;
import org.jconvnet.api.backend.Availability;
import org.jconvnet.api.backend.BackendProvider;
import org.jconvnet.api.backend.BackendRegistry;
import org.junit.jupiter.api.Test;

/** {@code jconvnet backends} and the backend wiring behind every computing command. */
class BackendsCommandTest {

    @Test
    void listsTheCpuBackendAsAvailableAndExitsZero() {
        CliRun r = CliRun.run("backends");
        assertEquals(ExitCodes.OK, r.code, r::toString);
        assertTrue(r.outLines().get(0).startsWith("BACKEND"), r::toString);
        assertTrue(r.outLines().stream().anyMatch(l -> l.matches("cpu\\s+100\\s+available\\s.*")), r::toString);
        assertTrue(r.err.isEmpty(), r::toString);
    }

    @Test
    void listingBackendsStartsNone() {
        CliRun r = CliRun.run("backends");
        assertEquals(ExitCodes.OK, r.code, r::toString);
        assertFalse(r.cli.injector().getInstance(BackendSession.class).everStarted());
    }

    @Test
    void aComputingCommandStartsTheAutomaticallyChosenBackend() {
        // The positive control for the test above: the same signal does flip when a backend starts.
        CliRun r = CliRun.runWith(List.of(StartBackendCommand.class), "--backend", "cpu", "start-backend");
        assertEquals(ExitCodes.OK, r.code, r::toString);
        assertTrue(r.out.contains("started cpu"), r::toString);
        assertTrue(r.cli.injector().getInstance(BackendSession.class).everStarted());
        assertFalse(r.cli.injector().getInstance(BackendSession.class).isStarted(), "closed at the end of the run");
    }

    @Test
    void anExplicitUnavailableBackendFailsWithItsReasonInOneLine() {
        Optional<BackendProvider> cuda = BackendRegistry.discover(getClass().getClassLoader()).find("cuda");
        Optional<Availability> probe = cuda.map(BackendProvider::probe);
        assumeFalse(probe.map(Availability::available).orElse(false), "CUDA is available on this machine");

        CliRun r = CliRun.runWith(List.of(StartBackendCommand.class), "start-backend", "--backend", "cuda");

        assertTrue(r.code != ExitCodes.OK, r::toString);
        assertEquals(1, r.errLines().size(), r::toString);
        String line = r.errLines().get(0);
        assertTrue(line.startsWith("jconvnet: "), line);
        assertFalse(r.out.contains("started"), r::toString);
        if (probe.isPresent()) {
            assertTrue(line.contains("'cuda'") && line.contains(probe.get().detail()), line);
            assertEquals(ExitCodes.RUNTIME_ERROR, r.code);
        } else {
            // Until the CUDA provider is on the class path the id is simply unknown.
            assertTrue(line.contains("unknown backend 'cuda'") && line.contains("cpu"), line);
            assertEquals(ExitCodes.USAGE_ERROR, r.code);
        }
    }

    @Test
    void anUnknownBackendIdIsAUsageErrorListingTheKnownOnes() {
        CliRun r = CliRun.runWith(List.of(StartBackendCommand.class), "--backend", "no-such-device", "start-backend");
        assertEquals(ExitCodes.USAGE_ERROR, r.code, r::toString);
        assertEquals(List.of("jconvnet: unknown backend 'no-such-device'; known backends: "
                + String.join(", ", BackendRegistry.discover(getClass().getClassLoader()).ids())
                + " (see 'jconvnet backends')"), r.errLines());
    }

    @Test
    void verboseAddsTheStackTrace() {
        CliRun r = CliRun.runWith(List.of(StartBackendCommand.class), "-v", "--backend", "no-such-device", "start-backend");
        assertEquals(ExitCodes.USAGE_ERROR, r.code, r::toString);
        assertTrue(r.errLines().size() > 1 && r.err.contains("at org.jconvnet.cli.BackendSession"), r::toString);
    }
}
