package org.jconvnet.backend.opencl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jconvnet.api.backend.Availability;
import org.jconvnet.api.backend.BackendProvider;
import org.jconvnet.api.backend.BackendRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The provider's registration, its probe here, and its probe when no OpenCL driver is installed. */
class ProbeTest {

    @Test
    void providerIsRegisteredWithIdAndPriority() {
        BackendRegistry reg = BackendRegistry.discover(getClass().getClassLoader());
        BackendProvider p = reg.find("opencl").orElseThrow();
        assertEquals(200, p.priority());
        assertTrue(p instanceof OpenClBackendProvider);
    }

    @Test
    void probeIsCachedAndNeverThrows() {
        Availability a = new OpenClBackendProvider().probe();
        assertTrue(a == new OpenClBackendProvider().probe(), "the probe result is computed once per JVM");
        if (a.available()) {
            assertTrue(a.detail().contains("OpenCL"), a.detail());
        } else {
            assertTrue(a.detail().contains("apt-get install"), "an unavailable probe carries the install hint: " + a.detail());
        }
    }

    @Test
    void backendReportsDeviceAndFloat32Only() {
        OpenClBackend b = OpenClTestSupport.backend();
        assertEquals(java.util.Set.of(org.jconvnet.api.tensor.DType.FLOAT32), b.supportedDTypes());
        org.jconvnet.api.JConvNetException e = org.junit.jupiter.api.Assertions.assertThrows(
                org.jconvnet.api.JConvNetException.class, () -> b.allocate(2, 3, org.jconvnet.api.tensor.DType.FLOAT64));
        assertTrue(e.getMessage().contains("float32 only"), e.getMessage());
    }

    /**
     * With {@code OCL_ICD_VENDORS} pointing at an empty folder the ICD loader finds no driver: the
     * probe, run in a fresh JVM (the probe is cached per JVM), must say unavailable with a reason.
     */
    @Test
    void probeWithoutAnyIcdIsUnavailableWithReason(@TempDir Path empty) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                ProbeMain.class.getName());
        pb.environment().put("OCL_ICD_VENDORS", empty.toString());
        pb.redirectErrorStream(true);
        Path log = empty.resolveSibling(empty.getFileName() + "-probe.log");
        pb.redirectOutput(log.toFile());
        Process proc = pb.start();
        assertTrue(proc.waitFor(60, TimeUnit.SECONDS), "probe JVM did not finish");
        List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
        String verdict = lines.stream().filter(l -> l.startsWith("PROBE ")).findFirst().orElse("<none>: " + lines);
        assertTrue(verdict.startsWith("PROBE false "), verdict);
        assertTrue(verdict.contains("apt-get install"), verdict);
        assertFalse(verdict.substring("PROBE false ".length()).isBlank(), verdict);
        new File(log.toString()).delete();
    }
}
