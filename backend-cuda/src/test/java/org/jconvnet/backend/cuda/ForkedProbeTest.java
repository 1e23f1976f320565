package org.jconvnet.backend.cuda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Probes in a fresh JVM (nothing loaded by earlier tests): discovering the provider must load no
 * {@code jcuda.*} class, the probe must not crash the JVM, and without a driver both probes give
 * the libcuda reason.
 */
class ForkedProbeTest {

    @Test
    void freshJvmProbesWithoutCrashingAndLoadsJcudaOnlyWhenProbing() throws Exception {
        String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        String java = System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
        List<String> cmd = new ArrayList<>(List.of(java, "-Xshare:off", "-verbose:class", "-cp", cp));
        if (Runtime.version().feature() >= 22) {
            cmd.add("--enable-native-access=ALL-UNNAMED");
        }
        cmd.add(ProbeMain.class.getName());
        Process proc = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        byte[] out = proc.getInputStream().readAllBytes();
        assertTrue(proc.waitFor(60, TimeUnit.SECONDS), "forked probe did not finish");
        String text = new String(out, StandardCharsets.UTF_8);
        assertEquals(0, proc.exitValue(), text);
        assertTrue(text.contains("JVM still alive"), text);
        int mark = text.indexOf(ProbeMain.MARK);
        assertTrue(mark > 0, text);
        String before = text.substring(0, mark);
        assertTrue(before.contains("provider cuda priority 300"), before);
        assertFalse(before.lines().anyMatch(l -> l.contains("[class,load] jcuda.")),
                "a jcuda class loaded before the probe: "
                        + before.lines().filter(l -> l.contains("jcuda.")).findFirst().orElse(""));
        Assumptions.assumeFalse(CudaProbeHereTest.driverPresent(), "an NVIDIA driver is installed here");
        assertTrue(text.contains("first: false " + ProbeFailure.NO_LIBCUDA), text);
        assertTrue(text.contains("second: false " + ProbeFailure.NO_LIBCUDA), text);
        assertTrue(text.lines().anyMatch(l -> l.startsWith("cuda ") && l.contains("unavailable")
                && l.contains(ProbeFailure.NO_LIBCUDA)), text);
    }
}
