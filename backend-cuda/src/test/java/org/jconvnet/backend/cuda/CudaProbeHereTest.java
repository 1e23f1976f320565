package org.jconvnet.backend.cuda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.util.List;
import org.jconvnet.api.JConvNetException;
import org.jconvnet.api.backend.Availability;
import org.jconvnet.api.backend.BackendConfig;
import org.jconvnet.api.backend.BackendProvider;
import org.jconvnet.api.backend.BackendRegistry;
import org.jconvnet.api.backend.BackendSelector;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The real probe, in this JVM. On a machine without an NVIDIA driver (the CI and development
 * machines) it must report {@value ProbeFailure#NO_LIBCUDA} and never throw; on a GPU machine the
 * assertions that need the missing driver are skipped.
 */
class CudaProbeHereTest {

    static boolean driverPresent() {
        for (String dir : List.of("/usr/lib/x86_64-linux-gnu", "/usr/lib64", "/usr/lib", "/usr/local/nvidia/lib64",
                "/usr/local/nvidia/lib", "/lib/x86_64-linux-gnu")) {
            if (new File(dir, "libcuda.so.1").exists()) {
                return true;
            }
        }
        String ld = System.getenv("LD_LIBRARY_PATH");
        if (ld != null) {
            for (String dir : ld.split(":")) {
                if (!dir.isEmpty() && new File(dir, "libcuda.so.1").exists()) {
                    return true;
                }
            }
        }
        return false;
    }

    @Test
    void discoveredThroughServiceLoaderWithIdAndPriority() {
        BackendRegistry reg = BackendRegistry.discover(getClass().getClassLoader());
        BackendProvider p = reg.find("cuda").orElseThrow();
        assertEquals(300, p.priority());
        assertTrue(p instanceof CudaBackendProvider);
    }

    @Test
    void withoutDriverProbeIsUnavailableWithTheLibcudaReasonEveryTime() {
        Assumptions.assumeFalse(driverPresent(), "an NVIDIA driver is installed here; the no-driver case cannot be observed");
        CudaBackendProvider p = new CudaBackendProvider();
        Availability first = p.probe();
        Availability second = new CudaBackendProvider().probe();
        assertFalse(first.available());
        assertEquals(ProbeFailure.NO_LIBCUDA, first.detail());
        assertEquals(first, second, "a second probe must give the same reason, not NoClassDefFoundError");
        JConvNetException e = assertThrows(JConvNetException.class, () -> p.create(BackendConfig.defaults()));
        assertEquals("backend 'cuda' is unavailable: " + ProbeFailure.NO_LIBCUDA, e.getMessage());
    }

    @Test
    void explicitChoiceOfCudaFailsWithTheReasonAndNeverFallsBack() {
        Assumptions.assumeFalse(driverPresent(), "an NVIDIA driver is installed here");
        BackendSelector s = new BackendSelector(BackendRegistry.discover(getClass().getClassLoader()), k -> null);
        JConvNetException e = assertThrows(JConvNetException.class, () -> s.choose("cuda"));
        assertTrue(e.getMessage().contains(ProbeFailure.NO_LIBCUDA), e.getMessage());
    }
    /**
     * After cuda's probe has failed for the missing libcuda.so.1 in this JVM, automatic selection
     * must still work and pick the next available backend: the failure is cuda's reason, not a
     * broken JVM or registry. A stand-in provider below cuda's priority makes this independent of
     * whether OpenCL is installed; with the discovered providers, whatever else is available wins.
     */
    @Test
    void afterCudaFailsToLoadAutomaticSelectionPicksTheNextAvailableBackend() {
        Assumptions.assumeFalse(driverPresent(), "an NVIDIA driver is installed here");
        CudaBackendProvider cuda = new CudaBackendProvider();
        assertFalse(cuda.probe().available(), "cuda's probe has run (and failed) in this JVM first");
        BackendProvider next = new StandInProvider();
        BackendSelector s = new BackendSelector(BackendRegistry.of(List.of(cuda, next), getClass().getClassLoader()),
                k -> null);
        BackendSelector.Choice c = s.choose(null);
        assertTrue(c.provider() == next, c.how());
        assertEquals("using backend 'stand-in' (highest-priority available) on a stand-in device", c.how());
        JConvNetException e = assertThrows(JConvNetException.class, () -> s.choose("cuda"));
        assertEquals("backend 'cuda' was requested but is unavailable: " + ProbeFailure.NO_LIBCUDA
                + " (explicit choices never fall back; drop the choice to pick automatically)", e.getMessage());
        assertTrue(s.choose(null).provider() == next, "a failed explicit choice leaves automatic selection as it was");

        BackendRegistry discovered = BackendRegistry.discover(getClass().getClassLoader());
        Assumptions.assumeTrue(discovered.statuses().stream().anyMatch(st -> st.availability().available()),
                "no other backend is available here");
        BackendSelector.Choice real = new BackendSelector(discovered, k -> null).choose(null);
        assertFalse(real.provider().id().equals("cuda"), real.how());
    }

    /** An always-available provider below cuda's priority. */
    private static final class StandInProvider implements BackendProvider {
        @Override
        public int apiVersion() {
            return org.jconvnet.api.ApiVersion.CURRENT;
        }

        @Override
        public String id() {
            return "stand-in";
        }

        @Override
        public int priority() {
            return 100;
        }

        @Override
        public Availability probe() {
            return Availability.available("a stand-in device");
        }

        @Override
        public org.jconvnet.api.backend.Backend create(BackendConfig config) {
            throw new UnsupportedOperationException("selection only; never started");
        }
    }
}
