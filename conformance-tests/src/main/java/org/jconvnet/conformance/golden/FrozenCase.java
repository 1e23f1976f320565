package org.jconvnet.conformance.golden;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.jconvnet.api.io.Npy;
import org.jconvnet.api.io.NpyArray;

/**
 * One of the suite's own frozen golden cases, stored as class-path resources under
 * {@value #ROOT}{@code <name>/}: {@code layers.cfg}, {@code params.cfg}, {@code case.properties}
 * ({@code numCases}, {@code dims.<idx>}, {@code labels} (indices without gradients), {@code outputs}
 * (layer names), {@code params} ({@code layer:param} list)) and {@code .npy} files
 * {@code data.<idx>}, {@code <layer>.<param>}, {@code <layer>.output}, {@code <layer>.<param>.grad},
 * {@code data.<idx>.grad}. {@value #INDEX} lists the case names.
 *
 * @param name the case name (its folder)
 */
public record FrozenCase(String name) {
    /** Resource folder of the frozen cases. */
    public static final String ROOT = "org/jconvnet/conformance/frozen/";
    /** The index file listing the cases, one per line. */
    public static final String INDEX = ROOT + "index.txt";

    /** The cases listed in the index (empty when the index is missing). */
    public static List<FrozenCase> all(ClassLoader loader) {
        List<FrozenCase> out = new ArrayList<>();
        try (InputStream in = loader.getResourceAsStream(INDEX)) {
            if (in == null) {
                return out;
            }
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\r?\n")) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    out.add(new FrozenCase(line.trim()));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + INDEX + ": " + e.getMessage(), e);
        }
        return out;
    }

    /** The resource path of a file of this case. */
    public String path(String file) {
        return ROOT + name + "/" + file;
    }

    /** A text resource of this case. */
    public String text(ClassLoader loader, String file) {
        try (InputStream in = open(loader, file)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path(file) + ": " + e.getMessage(), e);
        }
    }

    /** {@code case.properties}. */
    public Properties properties(ClassLoader loader) {
        Properties p = new Properties();
        try (InputStream in = open(loader, "case.properties")) {
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path("case.properties") + ": " + e.getMessage(), e);
        }
        return p;
    }

    /** An array of this case, {@code <file>.npy}. */
    public NpyArray array(ClassLoader loader, String file) {
        try (InputStream in = open(loader, file + ".npy")) {
            return Npy.read(in, path(file + ".npy"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path(file + ".npy") + ": " + e.getMessage(), e);
        }
    }

    private InputStream open(ClassLoader loader, String file) {
        InputStream in = loader.getResourceAsStream(path(file));
        if (in == null) {
            throw new IllegalStateException("frozen golden case resource " + path(file) + " is missing; "
                    + "regenerate with FrozenGoldenGenerator");
        }
        return in;
    }
}
