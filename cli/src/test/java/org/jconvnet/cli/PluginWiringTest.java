package org.jconvnet.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarOutputStream;
import java.util.zip.ZipEntry;
import org.jconvnet.api.backend.BackendConfig;
import org.jconvnet.api.kernel.KernelProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The plugin class loader reaches the started backend openly: through the {@link BackendConfig}
 * that Guice builds from {@link Plugins}, with no help from the thread's context class loader.
 */
class PluginWiringTest {
    @TempDir
    Path tmp;

    /** A plugin folder whose one jar only registers {@link PluginOnlyKernels} as a kernel provider. */
    private Path pluginFolder() throws IOException {
        Path dir = Files.createDirectory(tmp.resolve("plugins"));
        try (OutputStream file = Files.newOutputStream(dir.resolve("kernels.jar"));
             JarOutputStream jar = new JarOutputStream(file)) {
            jar.putNextEntry(new ZipEntry("META-INF/services/" + KernelProvider.class.getName()));
            jar.write((PluginOnlyKernels.class.getName() + "\n").getBytes(StandardCharsets.UTF_8));
            jar.closeEntry();
        }
        return dir;
    }

    @Test
    void aBackendStartedByACommandFindsTheKernelsOfAPluginJar() throws IOException {
        CliRun r = CliRun.runWith(List.of(KernelProbeCommand.class),
                "--backend", "cpu", "--plugins", pluginFolder().toString(), "probe-plugin-kernel");
        assertEquals(ExitCodes.OK, r.code, r::toString);
        assertTrue(r.out.contains("plugin kernel: true"), r::toString);
    }

    @Test
    void withoutThePluginJarTheKernelIsAbsent() {
        // The control: the provider class is on the test class path, only the jar registers it.
        CliRun r = CliRun.runWith(List.of(KernelProbeCommand.class), "--backend", "cpu", "probe-plugin-kernel");
        assertEquals(ExitCodes.OK, r.code, r::toString);
        assertTrue(r.out.contains("plugin kernel: false"), r::toString);
    }

    @Test
    void theInjectedBackendConfigCarriesThePluginClassLoader() throws IOException {
        CliRun r = CliRun.runWith(List.of(KernelProbeCommand.class),
                "--backend", "cpu", "--plugins", pluginFolder().toString(), "probe-plugin-kernel");
        ClassLoader plugins = r.cli.injector().getInstance(Plugins.class).classLoader();
        assertEquals(plugins, r.cli.injector().getInstance(BackendConfig.class).pluginLoader());
        assertTrue(plugins.getResource("META-INF/services/" + KernelProvider.class.getName()) != null);
    }
}
