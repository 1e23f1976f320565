package org.jconvnet.backend.cuda;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jconvnet.api.JConvNetException;

/**
 * The device code shipped as class-path resources under {@value #BASE}: one PTX file and one
 * fatbin per kernel source ({@code <module>.ptx}, {@code <module>.fatbin}) and the manifest
 * {@value #MANIFEST} written by {@code scripts/build-cuda-kernels.sh} (module list, SHA-256 of the
 * sources they were built from, nvcc version). No JCuda here: it is plain resource reading, so
 * tests check it without a GPU. The PTX text doubles as the index of entry points.
 */
public final class KernelImages {
    /** Resource folder of the images. */
    public static final String BASE = "org/jconvnet/backend/cuda/";
    /** Manifest file name inside {@link #BASE}. */
    public static final String MANIFEST = "kernels.properties";

    private static final Pattern ENTRY = Pattern.compile("^\\s*(?:\\.visible\\s+)?\\.entry\\s+([A-Za-z_$][A-Za-z0-9_$]*)\\s*\\(",
            Pattern.MULTILINE);
    private static final Pattern PARAM = Pattern.compile("\\.param\\s+\\.(\\w+)");
    private static final Pattern VERSION = Pattern.compile("^\\.version\\s+\\d+\\.\\d+\\s*$", Pattern.MULTILINE);

    private final ClassLoader loader;
    private final Properties manifest;
    private final List<String> modules;
    private final Map<String, String> moduleByEntry;

    private KernelImages(ClassLoader loader, Properties manifest, List<String> modules, Map<String, String> moduleByEntry) {
        this.loader = loader;
        this.manifest = manifest;
        this.modules = modules;
        this.moduleByEntry = moduleByEntry;
    }

    /**
     * Reads the manifest and indexes the entry points of every module's PTX.
     *
     * @throws JConvNetException naming the missing resource and how to build it
     */
    public static KernelImages load(ClassLoader loader) {
        Properties p = new Properties();
        byte[] m = read(loader, BASE + MANIFEST).orElseThrow(() -> new JConvNetException(
                "cuda kernels are not built: class-path resource " + BASE + MANIFEST
                        + " is missing; run scripts/build-cuda-kernels.sh"));
        try {
            p.load(new java.io.StringReader(new String(m, StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> mods = new ArrayList<>();
        for (String s : p.getProperty("modules", "").split(",")) {
            if (!s.isBlank()) {
                mods.add(s.trim());
            }
        }
        Map<String, String> index = new LinkedHashMap<>();
        for (String mod : mods) {
            String ptx = ptxText(loader, mod);
            for (String entry : entries(ptx)) {
                String clash = index.putIfAbsent(entry, mod);
                if (clash != null) {
                    throw new JConvNetException("cuda entry point '" + entry + "' is defined in two kernel modules: "
                            + clash + ".ptx and " + mod + ".ptx");
                }
            }
        }
        return new KernelImages(loader, p, List.copyOf(mods), Collections.unmodifiableMap(index));
    }

    /** Module names (kernel source base names), in manifest order. */
    public List<String> modules() {
        return modules;
    }

    /** Every entry point and the module whose PTX defines it. */
    public Map<String, String> moduleByEntry() {
        return moduleByEntry;
    }

    /** A manifest value ({@code sources.sha256}, {@code nvcc}, ...), if recorded. */
    public Optional<String> manifestValue(String key) {
        return Optional.ofNullable(manifest.getProperty(key));
    }

    /** The module defining {@code entry}; the error lists the modules when none does. */
    public String moduleOf(String entry) {
        String m = moduleByEntry.get(entry);
        if (m == null) {
            throw new JConvNetException("no cuda entry point '" + entry + "' in the shipped PTX (modules: "
                    + String.join(", ", modules) + "); rebuild with scripts/build-cuda-kernels.sh");
        }
        return m;
    }

    /** The PTX of {@code module}, as text. */
    public String ptx(String module) {
        return ptxText(loader, module);
    }

    /** The fatbin of {@code module} (SASS for sm_80/sm_90 plus compute_75 PTX), if shipped. */
    public Optional<byte[]> fatbin(String module) {
        return read(loader, BASE + module + ".fatbin");
    }

    /** The {@code .entry} names of a PTX text, in order. */
    public static List<String> entries(String ptx) {
        List<String> out = new ArrayList<>();
        Matcher m = ENTRY.matcher(ptx);
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }

    /**
     * The parameter types of every entry of a PTX text, e.g. {@code conv_forward -> [u64, u64, u64, u32, ...]}
     * ({@code u64} for pointers, {@code u32} for int, {@code f32} for float).
     */
    public static Map<String, List<String>> signatures(String ptx) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        Matcher m = ENTRY.matcher(ptx);
        while (m.find()) {
            int close = ptx.indexOf(')', m.end());
            if (close < 0) {
                throw new JConvNetException("PTX entry '" + m.group(1) + "' has no closing parenthesis");
            }
            List<String> types = new ArrayList<>();
            Matcher p = PARAM.matcher(ptx.substring(m.end(), close));
            while (p.find()) {
                types.add(p.group(1));
            }
            out.put(m.group(1), List.copyOf(types));
        }
        return out;
    }

    /** The PTX ISA version a PTX text declares ({@code .version 9.0} gives {@code 9.0}). */
    public static String ptxVersion(String ptx) {
        Matcher m = VERSION.matcher(ptx);
        if (!m.find()) {
            throw new JConvNetException("PTX has no .version line");
        }
        return m.group().replace(".version", "").trim();
    }

    /**
     * Rewrites the {@code .version} line, the workaround for drivers older than the nvcc that
     * built the PTX: it works only while the kernels use no instruction newer than that ISA.
     */
    public static String withPtxVersion(String ptx, String isa) {
        if (!isa.matches("\\d+\\.\\d+")) {
            throw new JConvNetException("PTX ISA version '" + isa + "' is not of the form major.minor, e.g. 7.8");
        }
        Matcher m = VERSION.matcher(ptx);
        if (!m.find()) {
            throw new JConvNetException("PTX has no .version line to rewrite");
        }
        return ptx.substring(0, m.start()) + ".version " + isa + ptx.substring(m.end());
    }

    private static String ptxText(ClassLoader loader, String module) {
        byte[] b = read(loader, BASE + module + ".ptx").orElseThrow(() -> new JConvNetException(
                "cuda kernel module '" + module + "' is listed in " + BASE + MANIFEST + " but "
                        + BASE + module + ".ptx is missing; run scripts/build-cuda-kernels.sh"));
        return new String(b, StandardCharsets.US_ASCII);
    }

    private static Optional<byte[]> read(ClassLoader loader, String name) {
        try (InputStream in = loader.getResourceAsStream(name)) {
            return in == null ? Optional.empty() : Optional.of(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read class-path resource " + name, e);
        }
    }
}
