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

    /**
     * On a GPU the provider keeps 200; on any other device (PoCL on the host) it ranks below
     * cpu-blas (150) and above the reference (100). Unavailable, it keeps its static priority.
     */
    @Test
    void aNonGpuDeviceRanksBelowCpuBlas() {
        OpenClBackendProvider p = new OpenClBackendProvider();
        Availability a = p.probe();
        if (a.available()) {
            assertEquals(a.detail().contains("(GPU,"), OpenClProbe.onGpu(), "the flag agrees with the device line");
            int expected = OpenClProbe.onGpu() ? 200 : OpenClBackendProvider.CPU_DEVICE_PRIORITY;
            assertEquals(expected, p.priority(a), a.detail());
        }
        assertTrue(OpenClBackendProvider.CPU_DEVICE_PRIORITY > 100 && OpenClBackendProvider.CPU_DEVICE_PRIORITY < 150);
        assertEquals(200, p.priority(Availability.unavailable("no driver")));
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

    /**
     * A missing {@code libOpenCL.so}, injected: JOCL throws {@link UnsatisfiedLinkError} with
     * "Implementation library could not be loaded". The probe must turn it into an unavailable
     * result naming the library, the cause and the install hint, and throw nothing.
     */
    @Test
    void aMissingLibOpenClIsUnavailableWithTheLibraryNamedAndTheCause() {
        Availability a = OpenClProbe.outcomeOf(() -> {
            throw new UnsatisfiedLinkError("Error while loading native library \"JOCL_2_0_5-linux-x86_64\"\n"
                    + "Implementation library could not be loaded");
        });
        assertFalse(a.available());
        assertTrue(a.detail().startsWith("OpenCL library libOpenCL.so could not be loaded (UnsatisfiedLinkError: "),
                a.detail());
        assertTrue(a.detail().contains("Implementation library could not be loaded"), a.detail());
        assertFalse(a.detail().contains("\n"), "one line: " + a.detail());
        assertTrue(a.detail().endsWith(OpenClProbe.INSTALL_HINT), a.detail());
    }

    /** JOCL's own native failing to load (not the OpenCL loader) is told apart from a missing libOpenCL.so. */
    @Test
    void aJoclNativeThatFailsToLoadIsToldApart() {
        Availability a = OpenClProbe.outcomeOf(() -> {
            throw new UnsatisfiedLinkError("/tmp/libJOCL_2_0_5-linux-x86_64.so: cannot open shared object file");
        });
        assertFalse(a.available());
        assertTrue(a.detail().startsWith("JOCL's native library could not be loaded"), a.detail());
        assertTrue(a.detail().contains("cannot open shared object file"), a.detail());
    }

    /** Any other failure of the native layer, even an unchecked one, is a reason, never a thrown error. */
    @Test
    void anyOtherNativeFailureIsAReasonNotAThrow() {
        Availability a = OpenClProbe.outcomeOf(() -> {
            throw new org.jocl.CLException("clGetPlatformIDs failed", org.jocl.CL.CL_PLATFORM_NOT_FOUND_KHR);
        });
        assertFalse(a.available());
        assertTrue(a.detail().startsWith("OpenCL unavailable: no OpenCL platform found (CL_PLATFORM_NOT_FOUND_KHR"),
                a.detail());
        Availability b = OpenClProbe.outcomeOf(() -> {
            throw new IllegalStateException("driver crashed");
        });
        assertFalse(b.available());
        assertTrue(b.detail().contains("IllegalStateException: driver crashed"), b.detail());
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
