package org.jconvnet.backend.opencl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Lints every shared kernel source without a device: clang's OpenCL C 1.2 front end with
 * {@code -Wdouble-promotion -Werror}, so a double literal, a missing address space or any other
 * warning fails the build. Skipped with a message where clang is absent (PoCL pulls clang-15).
 */
class KernelLintTest {
    private static final List<String> CLANG_CANDIDATES = List.of("/usr/lib/llvm-15/bin/clang", "/usr/bin/clang-15",
            "/usr/local/bin/clang-15", "/usr/bin/clang");

    @TempDir
    Path work;

    static List<String> sources() {
        return KernelSources.read("index.txt").lines().map(String::trim)
                .filter(l -> !l.isEmpty() && !l.startsWith("#")).collect(Collectors.toList());
    }

    @Test
    void indexListsEverySourceOnce() {
        List<String> s = sources();
        assertEquals(s.size(), s.stream().distinct().count(), "duplicate entries in index.txt");
        assertFalse(s.isEmpty());
    }

    @TestFactory
    Stream<DynamicTest> everySourcePassesClangOpenClFrontEnd() {
        return sources().stream().map(f -> DynamicTest.dynamicTest(f, () -> lint(f)));
    }

    private void lint(String file) throws IOException, InterruptedException {
        String clang = CLANG_CANDIDATES.stream().filter(p -> Files.isExecutable(Path.of(p))).findFirst().orElse(null);
        Assumptions.assumeTrue(clang != null, "clang (e.g. clang-15 from PoCL's dependencies) not found in "
                + CLANG_CANDIDATES + ": kernel lint skipped");
        Path prelude = work.resolve(KernelSources.PRELUDE);
        Files.writeString(prelude, KernelSources.read(KernelSources.PRELUDE), StandardCharsets.UTF_8);
        Path src = work.resolve(file);
        Files.writeString(src, KernelSources.read(file), StandardCharsets.UTF_8);
        List<String> cmd = new ArrayList<>(List.of(clang, "-x", "cl", "-cl-std=CL1.2", "-Xclang",
                "-finclude-default-header", "-fsyntax-only", "-Wall", "-Wdouble-promotion", "-Wconversion",
                "-Wno-sign-conversion", "-Werror", "-include", prelude.toString(), src.toString()));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("clang did not finish on " + file);
        }
        assertEquals(0, p.exitValue(), () -> file + " fails the OpenCL C 1.2 lint:\n" + out);
    }
}
