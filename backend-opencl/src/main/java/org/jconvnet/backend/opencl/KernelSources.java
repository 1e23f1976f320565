package org.jconvnet.backend.opencl;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jconvnet.api.JConvNetException;

/**
 * Reads the portable kernel sources of the {@code kernels} module from the class path and turns
 * one {@code .kc} file into an OpenCL program text: the prelude, then a {@code #line} directive so
 * compiler messages name the {@code .kc} file and its own line numbers.
 */
public final class KernelSources {
    /** Class-path folder of the shared kernel sources. */
    public static final String FOLDER = "org/jconvnet/kernels/";
    /** The dialect header every source is compiled with. */
    public static final String PRELUDE = "prelude.h";

    private static final Map<String, String> TEXTS = new ConcurrentHashMap<>();

    private KernelSources() {
    }

    /** The raw text of a resource in {@link #FOLDER}. */
    public static String read(String file) {
        return TEXTS.computeIfAbsent(file, KernelSources::load);
    }

    /** The OpenCL program text for {@code file}: prelude plus the source. */
    public static String program(String file) {
        return read(PRELUDE) + "\n#line 1 \"" + file + "\"\n" + read(file);
    }

    private static String load(String file) {
        ClassLoader cl = KernelSources.class.getClassLoader();
        try (InputStream in = cl.getResourceAsStream(FOLDER + file)) {
            if (in == null) {
                throw new JConvNetException("kernel source " + FOLDER + file
                        + " is not on the class path (is the jconvnet-kernels jar missing?)");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read kernel source " + FOLDER + file, e);
        }
    }
}
