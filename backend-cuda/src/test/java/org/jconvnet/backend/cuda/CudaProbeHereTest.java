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
}
