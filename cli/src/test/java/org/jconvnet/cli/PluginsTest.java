package org.jconvnet.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarOutputStream;
import java.util.zip.ZipEntry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Plugin directories: explicit ones, the automatic {@code <home>/plugins}, and the class loader. */
class PluginsTest {
    private static final String MARKER = "org/jconvnet/cli/test-plugin-marker.txt";

    @TempDir
    Path tmp;

    private static void writeJar(Path jar) throws IOException {
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file)) {
            out.putNextEntry(new ZipEntry(MARKER));
            out.write("hello".getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
        }
    }

    @Test
    void jarsInAnExplicitDirectoryAreOnTheClassLoader() throws IOException {
        Path dir = Files.createDirectory(tmp.resolve("extra"));
        writeJar(dir.resolve("b.jar"));
        writeJar(dir.resolve("a.jar"));
        Files.writeString(dir.resolve("notes.txt"), "not a jar");
        ClassLoader parent = getClass().getClassLoader();

        Plugins p = Plugins.load(List.of(dir), null, parent);

        assertEquals(List.of(dir.resolve("a.jar"), dir.resolve("b.jar")), p.jars());
        assertNotNull(p.classLoader().getResource(MARKER));
        assertNull(parent.getResource(MARKER), "the marker must come from the plugin jar");
    }

    @Test
    void thePluginsFolderOfTheHomeIsScannedAutomatically() throws IOException {
        Path plugins = Files.createDirectories(tmp.resolve("home").resolve(Plugins.DEFAULT_FOLDER));
        writeJar(plugins.resolve("p.jar"));

        Plugins p = Plugins.load(List.of(), tmp.resolve("home"), getClass().getClassLoader());

        assertEquals(List.of(plugins), p.dirs());
        assertNotNull(p.classLoader().getResource(MARKER));
    }

    @Test
    void withoutPluginJarsTheApplicationLoaderIsUsedAsIs() {
        ClassLoader parent = getClass().getClassLoader();
        Plugins p = Plugins.load(List.of(), tmp.resolve("no-home"), parent);
        assertSame(parent, p.classLoader());
    }

    @Test
    void aMissingExplicitDirectoryIsRefused() {
        UsageException e = assertThrows(UsageException.class,
                () -> Plugins.load(List.of(tmp.resolve("missing")), null, getClass().getClassLoader()));
        assertEquals("--plugins: '" + tmp.resolve("missing") + "' is not a directory", e.getMessage());
    }
}
