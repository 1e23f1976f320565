package org.jconvnet.backend.cuda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Paths;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The PTX and fatbins committed under backend-cuda/src/main/resources are present, float32-only, and not
 * stale: the SHA-256 of the kernel sources recorded in kernels.properties must equal the one of the
 * sources now (no nvcc needed); where nvcc of the recorded version is installed, the PTX is also
 * regenerated and compared byte for byte.
 */
class CommittedPtxTest {
    /** The committed files themselves, not target/classes (which the nvcc profile may have refreshed). */
    private final KernelImages images = KernelImages.load(committed());

    private static ClassLoader committed() {
        try {
            return new URLClassLoader(new URL[] {Paths.get("src", "main", "resources").toUri().toURL()}, null);
        } catch (MalformedURLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void everyModuleShipsPtxAndFatbin() {
        assertFalse(images.modules().isEmpty(), "kernels.properties lists no module");
        for (String m : images.modules()) {
            String ptx = images.ptx(m);
            assertEquals("9.0", KernelImages.ptxVersion(ptx), m + ".ptx");
            assertTrue(ptx.contains("\n.target sm_75\n"), m + ".ptx must target sm_75 (compute_75)");
            assertFalse(KernelImages.entries(ptx).isEmpty(), m + ".ptx has no entry point");
            byte[] fatbin = images.fatbin(m).orElseThrow(() -> new AssertionError(m + ".fatbin is missing"));
            assertTrue(fatbin.length > 16 && (fatbin[0] & 0xff) == 0x50 && (fatbin[1] & 0xff) == 0xed
                    && (fatbin[2] & 0xff) == 0x55 && (fatbin[3] & 0xff) == 0xba, m + ".fatbin lacks the fatbin magic");
        }
    }

    @Test
    void noDoublePrecisionInstructionAnywhere() {
        for (String m : images.modules()) {
            List<String> f64 = images.ptx(m).lines().filter(l -> l.contains(".f64")).limit(3).toList();
            assertTrue(f64.isEmpty(), m + ".ptx has .f64 instructions (a float literal without the f suffix, or a"
                    + " double math call, in " + m + ".kc): " + f64);
        }
    }

    @Test
    void committedImagesMatchTheCurrentSources() {
        Path dir = KernelSources.dir().orElse(null);
        Assumptions.assumeTrue(dir != null, "kernel sources not found (../kernels/src/main/resources/org/jconvnet/kernels)");
        List<String> modules = KernelSources.sources(dir).stream().map(s -> s.replaceAll("\\.kc$", "")).toList();
        assertEquals(modules, images.modules(), "modules of kernels.properties vs index.txt; run scripts/build-cuda-kernels.sh");
        assertEquals(KernelSources.sha256(dir), images.manifestValue("sources.sha256").orElse("(none)"),
                "the committed PTX/fatbin are stale against the kernel sources: run scripts/build-cuda-kernels.sh and commit"
                        + " backend-cuda/src/main/resources/org/jconvnet/backend/cuda");
    }

    @Test
    @Tag("slow")
    void regeneratedPtxIsByteIdenticalWhereNvccIsInstalled(@TempDir Path out) throws Exception {
        Path dir = KernelSources.dir().orElse(null);
        Assumptions.assumeTrue(dir != null, "kernel sources not found");
        Assumptions.assumeTrue(new File("/usr/local/bin/nvcc").canExecute(), "nvcc not installed at /usr/local/bin/nvcc");
        String version = nvccVersion();
        String recorded = images.manifestValue("nvcc").orElse("");
        Assumptions.assumeTrue(version.equals(recorded), "installed nvcc " + version + " differs from the recorded " + recorded);
        Path script = KernelSources.repoRoot().resolve("scripts/build-cuda-kernels.sh");
        ProcessBuilder pb = new ProcessBuilder("bash", script.toString(), "--ptx-only", "--out", out.toString())
                .redirectErrorStream(true);
        pb.environment().put("KERNEL_SRC", dir.toAbsolutePath().toString());
        pb.environment().put("NVCC", "/usr/local/bin/nvcc");
        Process p = pb.start();
        p.getOutputStream().close();
        byte[] log = p.getInputStream().readAllBytes();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "nvcc took over 120 s");
        assertEquals(0, p.exitValue(), new String(log, StandardCharsets.UTF_8));
        for (String m : images.modules()) {
            assertEquals(Files.readString(out.resolve(m + ".ptx"), StandardCharsets.US_ASCII), images.ptx(m),
                    m + ".ptx differs from a fresh nvcc build: run scripts/build-cuda-kernels.sh and commit");
        }
    }

    /** Evidence for the README's workaround: the PTX with its .version lowered to 8.0 still assembles for sm_75. */
    @Test
    @Tag("slow")
    void ptxWithVersionRewrittenTo80StillAssemblesWherePtxasIsInstalled(@TempDir Path out) throws Exception {
        File ptxas = new File("/usr/local/cuda-13.0/bin/ptxas");
        Assumptions.assumeTrue(ptxas.canExecute(), "ptxas not installed at " + ptxas);
        for (String m : images.modules()) {
            Path in = out.resolve(m + ".ptx");
            Files.writeString(in, KernelImages.withPtxVersion(images.ptx(m), "8.0"), StandardCharsets.US_ASCII);
            Process p = new ProcessBuilder(ptxas.getPath(), "-arch=sm_75", "-o", out.resolve(m + ".cubin").toString(),
                    in.toString()).redirectErrorStream(true).start();
            String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(p.waitFor(60, TimeUnit.SECONDS), "ptxas took over 60 s on " + m);
            assertEquals(0, p.exitValue(), m + ".ptx rewritten to .version 8.0: " + log);
        }
    }

    private static String nvccVersion() throws Exception {
        Process p = new ProcessBuilder("/usr/local/bin/nvcc", "--version").redirectErrorStream(true).start();
        String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor(30, TimeUnit.SECONDS);
        java.util.regex.Matcher m = java.util.regex.Pattern.compile(", V([0-9.]+)").matcher(text);
        return m.find() ? m.group(1) : "unknown";
    }
}
