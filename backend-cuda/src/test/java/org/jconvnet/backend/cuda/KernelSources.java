package org.jconvnet.backend.cuda;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The portable kernel sources as the tests see them: the {@code kernels} module's source folder
 * (system property {@code jconvnet.kernels.src}, else {@code ../kernels/src/main/resources/org/jconvnet/kernels}
 * from the module directory). Computes the same fingerprint as {@code scripts/build-cuda-kernels.sh}
 * and parses the {@code KERNEL} signatures.
 */
public final class KernelSources {
    /** One kernel parameter of a {@code .kc} signature. */
    public record Param(String name, String kind) {
    }

    private static final Pattern KERNEL = Pattern.compile("KERNEL\\s+void\\s+(\\w+)\\s*\\(([^)]*)\\)", Pattern.DOTALL);

    private KernelSources() {
    }

    /** The source folder, if it exists here. */
    public static Optional<Path> dir() {
        String prop = System.getProperty("jconvnet.kernels.src");
        Path p = prop != null ? Paths.get(prop) : Paths.get("..", "kernels", "src", "main", "resources", "org", "jconvnet", "kernels");
        return Files.isRegularFile(p.resolve("index.txt")) && Files.isRegularFile(p.resolve("prelude.h"))
                ? Optional.of(p) : Optional.empty();
    }

    /** The repository root (the parent of the module directory). */
    public static Path repoRoot() {
        return Paths.get("").toAbsolutePath().getParent();
    }

    /** The {@code .kc} files of index.txt, in order. */
    public static List<String> sources(Path dir) {
        List<String> out = new ArrayList<>();
        for (String line : read(dir.resolve("index.txt")).split("\n")) {
            String s = line.replaceAll("#.*", "").replaceAll("\\s", "");
            if (!s.isEmpty()) {
                out.add(s);
            }
        }
        return out;
    }

    /** SHA-256 of {@code "== name\n" + bytes} for prelude.h then each source, as the build script computes it. */
    public static String sha256(Path dir) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            List<String> files = new ArrayList<>();
            files.add("prelude.h");
            files.addAll(sources(dir));
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            for (String f : files) {
                all.writeBytes(("== " + f + "\n").getBytes(StandardCharsets.UTF_8));
                all.writeBytes(Files.readAllBytes(dir.resolve(f)));
            }
            return HexFormat.of().formatHex(md.digest(all.toByteArray()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every {@code KERNEL void name(...)} of every source: entry name to parameters (name, kind pointer/int/float). */
    public static Map<String, List<Param>> signatures(Path dir) {
        Map<String, List<Param>> out = new LinkedHashMap<>();
        for (String f : sources(dir)) {
            String text = read(dir.resolve(f)).replaceAll("/\\*.*?\\*/", " ");
            Matcher m = KERNEL.matcher(text);
            while (m.find()) {
                List<Param> params = new ArrayList<>();
                for (String p : m.group(2).split(",")) {
                    String decl = p.trim();
                    String name = decl.replaceAll(".*?(\\w+)$", "$1");
                    String kind = decl.contains("*") ? "pointer" : decl.matches("(const\\s+)?float\\s+\\w+") ? "float"
                            : decl.matches("(const\\s+)?int\\s+\\w+") ? "int" : "unknown:" + decl;
                    params.add(new Param(name, kind));
                }
                out.put(m.group(1), params);
            }
        }
        return out;
    }

    /** The value of {@code #define name value} in a source file. */
    public static int define(Path dir, String file, String name) {
        Matcher m = Pattern.compile("#define\\s+" + name + "\\s+(\\d+)").matcher(read(dir.resolve(file)));
        if (!m.find()) {
            throw new AssertionError(file + " has no #define " + name);
        }
        return Integer.parseInt(m.group(1));
    }

    private static String read(Path p) {
        try {
            return Files.readString(p, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
