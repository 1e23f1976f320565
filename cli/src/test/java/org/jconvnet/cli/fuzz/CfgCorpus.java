package org.jconvnet.cli.fuzz;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.jconvnet.api.layer.LayerPluginRegistry;
import org.jconvnet.cli.DataProviderChoice;
import org.jconvnet.cli.ExitCodes;
import org.jconvnet.cli.NetFiles;
import org.jconvnet.layers.net.NetCatalog;

/**
 * Mutations of the shipped nets' {@code .cfg} files, each fed to {@code jconvnet describe} (which
 * parses and validates a net without a backend) and expected to end in one configuration error
 * (exit 2) naming the file and the section.
 *
 * <p>Every mutation is chosen to be invalid: values are only the ones no key of that name accepts
 * (a negative {@code padding}, but not {@code padding=0}), keys are removed only where required.
 * Where a key has many bad values, a seeded random choice keeps the corpus at a few hundred
 * inputs.
 */
final class CfgCorpus {
    /** Keys read as integers, and the values among the extremes that are valid for them. */
    private static final Map<String, Set<String>> INT_KEYS = Map.ofEntries(
            Map.entry("channels", Set.of()), Map.entry("filters", Set.of()), Map.entry("filtersize", Set.of()),
            Map.entry("padding", Set.of("0")), Map.entry("stride", Set.of()), Map.entry("groups", Set.of()),
            Map.entry("sizex", Set.of()), Map.entry("start", Set.of("0", "-1")),
            Map.entry("outputsx", Set.of("0", "-1", "-2147483648")), Map.entry("size", Set.of()),
            Map.entry("outputs", Set.of()), Map.entry("dataidx", Set.of()),
            Map.entry("partialsum", Set.of("0", "2147483647")));
    private static final List<String> INT_EXTREMES = List.of("-1", "0", "-2147483648", "2147483647");
    /** Never an int: wrong types, and numbers beyond int (up to and past the long limits). */
    private static final List<String> NOT_INT = List.of("abc", "3.5", "", "2147483648", "-2147483649",
            "9223372036854775807", "-9223372036854775808", "9223372036854775808", "1e3", "0x10", "12abc", "1,2,3");
    private static final Set<String> BOOL_KEYS = Set.of("sharedbiases", "blocked");
    private static final List<String> NOT_BOOL = List.of("2", "maybe", "", "-1", "2147483648");
    private static final Set<String> REAL_KEYS = Set.of("initw", "initb", "epsw", "epsb", "momw", "momb", "wc",
            "scale", "pow", "mindiv", "coeff");
    private static final List<String> NOT_REAL = List.of("abc", "", "NaN", "Infinity", "-Infinity", "1e999", "--1",
            "0.1.2", "1,2,3");
    private static final List<String> BAD_NEURONS = List.of("nosuch", "relu[", "tanh[1", "tanh[a,b]", "abs,relu", "logistic[]x");
    /** The keys without which a layer of each type is invalid (others have defaults). */
    private static final Map<String, Set<String>> REQUIRED = Map.of(
            "data", Set.of("type", "dataidx"),
            "conv", Set.of("type", "inputs", "channels", "filters", "filtersize", "initw"),
            "local", Set.of("type", "inputs", "channels", "filters", "filtersize", "initw"),
            "pool", Set.of("type", "inputs", "pool", "channels", "sizex", "stride"),
            "cmrnorm", Set.of("type", "inputs", "channels", "size"),
            "rnorm", Set.of("type", "inputs", "channels", "size"),
            "fc", Set.of("type", "inputs", "outputs"),
            "softmax", Set.of("type", "inputs"),
            "cost.logreg", Set.of("type", "inputs"));
    private static final Set<String> PARAM_REQUIRED = Set.of("epsw", "epsb", "momw", "momb", "scale", "pow");
    private static final Set<String> NEEDS_PARAMS = Set.of("conv", "local", "fc", "cmrnorm", "rnorm");

    /** One input in this many goes through the command line; the rest through the API. */
    private static final int CLI_EVERY = 5;
    private static final LayerPluginRegistry PLUGINS = LayerPluginRegistry.discover(CfgCorpus.class.getClassLoader());

    private final Random random;
    private final List<BadInput> out = new ArrayList<>();

    private CfgCorpus(long seed) {
        this.random = new Random(seed);
    }

    /**
     * The corpus: a seeded sample of {@code seedNet} mutations of the seed net and of
     * {@code othersEach} of each other shipped net (they share most keys, and the whole corpus
     * must stay quick), and the whole-file damage. Fixed order for a given seed.
     */
    static List<BadInput> generate(long seed, int seedNet, int othersEach) {
        CfgCorpus c = new CfgCorpus(seed);
        List<BadInput> all = new ArrayList<>();
        for (String net : NetCatalog.names()) {
            c.out.clear();
            c.mutate(net);
            List<BadInput> mine = new ArrayList<>(c.out);
            int keep = net.equals(NetCatalog.SEED) ? seedNet : othersEach;
            if (mine.size() > keep) {
                java.util.Collections.shuffle(mine, c.random);
                mine = mine.subList(0, keep);
            }
            all.addAll(mine);
        }
        c.out.clear();
        c.fileLevel(NetCatalog.SEED);
        all.addAll(c.out);
        return all;
    }

    private void mutate(String net) {
        String defName = net + ".cfg";
        String parName = "layer-params-" + net.substring("layers-".length()) + ".cfg";
        CfgText def = new CfgText(NetCatalog.layerDef(net).text());
        CfgText par = new CfgText(NetCatalog.layerParamsFor(net).text());
        List<String> sections = def.sections();
        for (int i = 0; i < sections.size(); i++) {
            String s = sections.get(i);
            Map<String, String> keys = def.keys(s);
            String type = keys.get("type");
            String id = "cfg/" + net + "/" + s;
            Place inDef = Place.all(defName).and(Place.section(s));
            add(id + " removed", def.removeSection(s), par, defName, parName,
                    Place.all(defName).and(Place.anyOf("'" + s + "'", "is unused")));
            add(id + " twice", def.repeatSection(s), par, defName, parName, inDef);
            add(id + " emptied", def.emptySection(s), par, defName, parName, inDef);
            add(id + " malformed line", def.insert(s, "this line has no separator"), par, defName, parName, inDef);
            add(id + " bad %", def.insert(s, "note=100%"), par, defName, parName, inDef);
            add(id + " self-interpolation", def.insert(s, "loop=%(loop)s"), par, defName, parName, inDef);
            add(id + " type=nosuch", def.set(s, "type", "nosuch"), par, defName, parName, inDef);
            String firstKey = keys.keySet().iterator().next();
            add(id + " " + firstKey + " twice", def.repeatKey(s, firstKey), par, defName, parName, inDef);
            for (String required : new java.util.TreeSet<>(REQUIRED.getOrDefault(type, Set.of()))) {
                if (keys.containsKey(required)) {
                    add(id + " without " + required, def.remove(s, required), par, defName, parName, inDef);
                }
            }
            for (Map.Entry<String, String> kv : keys.entrySet()) {
                keyValues(id, def, par, defName, parName, s, kv.getKey(), kv.getValue(), inDef);
            }
            if (!type.equals("data")) {
                for (String bad : new java.util.LinkedHashSet<>(List.of(s, i + 1 < sections.size() ? sections.get(i + 1) : s,
                        "nosuch", "", keys.get("inputs") + ",nosuch"))) {
                    add(id + " inputs=" + bad, def.set(s, "inputs", bad), par, defName, parName, inDef);
                }
                // Cost layers drop a neuron= key, as cuda-convnet does (cuda-convnet.md §4.5): not an error.
                if (!keys.containsKey("neuron") && !type.startsWith("cost.")) {
                    String neuron = pick(BAD_NEURONS);
                    add(id + " neuron=" + neuron, def.insert(s, "neuron=" + neuron), par, defName, parName, inDef);
                }
            }
            if (NEEDS_PARAMS.contains(type)) {
                Place inPar = Place.all(parName).and(Place.section(s));
                add(id + " params section removed", def, par.removeSection(s), defName, parName, inPar);
                for (Map.Entry<String, String> kv : par.keys(s).entrySet()) {
                    String k = kv.getKey();
                    if (PARAM_REQUIRED.contains(k)) {
                        add(id + " params without " + k, def, par.remove(s, k), defName, parName, inPar);
                    }
                    if (REAL_KEYS.contains(k)) {
                        for (String bad : pickSome(NOT_REAL, 3)) {
                            add(id + " params " + k + "=" + bad, def, par.set(s, k, bad), defName, parName, inPar);
                        }
                    }
                }
            }
        }
        // A cycle through two layers: the first conv reads the last layer.
        String first = sections.stream().filter(s -> !"data".equals(def.keys(s).get("type"))).findFirst().orElseThrow();
        add("cfg/" + net + "/" + first + " cycle", def.set(first, "inputs", sections.get(sections.size() - 1)), par,
                defName, parName, Place.all(defName).and(Place.section(first)));
        // [DEFAULT] gives every section a bad filters=0.
        String conv = sections.stream().filter(s -> "conv".equals(def.keys(s).get("type"))).findFirst().orElseThrow();
        add("cfg/" + net + "/DEFAULT filters=0", def.remove(conv, "filters").prepend("[DEFAULT]\nfilters=0\n"), par,
                defName, parName, Place.all(defName).and(Place.section(conv)));
    }

    private void keyValues(String id, CfgText def, CfgText par, String defName, String parName, String s, String key,
                           String value, Place inDef) {
        List<String> bad = new ArrayList<>();
        if (INT_KEYS.containsKey(key)) {
            for (String v : INT_EXTREMES) {
                if (!INT_KEYS.get(key).contains(v) && !v.equals(value)) {
                    bad.add(v);
                }
            }
            bad.addAll(pickSome(NOT_INT, 4));
        } else if (BOOL_KEYS.contains(key)) {
            bad.addAll(pickSome(NOT_BOOL, 2));
        } else if (REAL_KEYS.contains(key)) {
            bad.addAll(pickSome(NOT_REAL, 3));
            if (key.equals("initw")) {
                bad.add("-1");
            }
        } else if (key.equals("neuron")) {
            bad.addAll(pickSome(BAD_NEURONS, 2));
        } else if (key.equals("pool")) {
            bad.add("median");
        }
        if (key.equals("dataidx")) {
            bad.add(value.equals("0") ? "1" : "0");
        }
        for (String v : bad) {
            add(id + "." + key + "=" + v, def.set(s, key, v), par, defName, parName, inDef);
        }
    }

    /** Whole-file damage: encodings, binary, sizes, missing files. */
    private void fileLevel(String net) {
        String defName = net + ".cfg";
        String parName = "layer-params-" + net.substring("layers-".length()) + ".cfg";
        String defText = NetCatalog.layerDef(net).text();
        CfgText par = new CfgText(NetCatalog.layerParamsFor(net).text());
        Place file = Place.all(defName);
        Place line = file.and(Place.anyOf("line "));
        addBytes("cfg/file empty", new byte[0], par, defName, parName, file);
        addBytes("cfg/file comments only", "# nothing\n; here\n".getBytes(StandardCharsets.UTF_8), par, defName, parName, file);
        addBytes("cfg/file utf-16", withBom(defText), par, defName, parName, file.and(Place.anyOf("UTF-16")));
        addBytes("cfg/file latin-1 comment", ("# caf\u00e9\n" + defText).getBytes(StandardCharsets.ISO_8859_1), par,
                defName, parName, line);
        addBytes("cfg/file NUL byte", defText.replaceFirst("dataIdx=0", "dataIdx=0\u0000").getBytes(StandardCharsets.UTF_8),
                par, defName, parName, line);
        addBytes("cfg/file key before any section", ("orphan=1\n" + defText).getBytes(StandardCharsets.UTF_8), par,
                defName, parName, line);
        addBytes("cfg/file unclosed header", defText.replaceFirst("\\[conv1\\]", "[conv1").getBytes(StandardCharsets.UTF_8),
                par, defName, parName, line);
        addBytes("cfg/file cut after a header", defText.substring(0, defText.indexOf("[logprob]") + 10)
                .getBytes(StandardCharsets.UTF_8), par, defName, parName, file.and(Place.section("logprob")));
        for (int k = 0; k < 6; k++) {
            byte[] garbage = new byte[64 + random.nextInt(4096)];
            random.nextBytes(garbage);
            addBytes("cfg/file binary garbage " + k, garbage, par, defName, parName, file);
        }
        for (int k = 0; k < 3; k++) {
            StringBuilder noise = new StringBuilder();
            for (int j = 0; j < 200; j++) {
                noise.append((char) (32 + random.nextInt(95)));
                if (random.nextInt(20) == 0) {
                    noise.append('\n');
                }
            }
            addBytes("cfg/file printable noise " + k, noise.toString().getBytes(StandardCharsets.UTF_8), par, defName,
                    parName, file);
        }
        out.add(new BadInput("cfg/file huge sparse", dir -> {
            Path p = dir.resolve(defName);
            try (RandomAccessFile f = new RandomAccessFile(p.toFile(), "rw")) {
                f.setLength(3L << 30);
            }
            return describe(dir, defName, parName, par.text(), file.and(Place.anyOf("bytes")), true);
        }));
        out.add(new BadInput("cfg/file is a directory", dir -> {
            Files.createDirectories(dir.resolve(defName));
            return describe(dir, defName, parName, par.text(), file, true);
        }));
        out.add(new BadInput("cfg/file missing", dir -> describe(dir, defName, parName, par.text(), file, true)));
        out.add(new BadInput("cfg/params file missing", dir -> {
            Files.writeString(dir.resolve(defName), defText);
            return Judge.cli(ExitCodes.USAGE_ERROR, Place.all(parName), "describe", "--layer-def",
                    dir.resolve(defName).toString(), "--layer-params", dir.resolve(parName).toString());
        }));
    }

    private static byte[] withBom(String text) {
        byte[] body = text.getBytes(StandardCharsets.UTF_16LE);
        byte[] b = new byte[body.length + 2];
        b[0] = (byte) 0xFF;
        b[1] = (byte) 0xFE;
        System.arraycopy(body, 0, b, 2, body.length);
        return b;
    }

    private void add(String id, CfgText def, CfgText par, String defName, String parName, Place place) {
        String defText = def.text();
        String parText = par.text();
        boolean viaCli = nextViaCli();
        out.add(new BadInput(id + (viaCli ? " (cli)" : ""), dir -> {
            Files.writeString(dir.resolve(defName), defText);
            return describe(dir, defName, parName, parText, place, viaCli);
        }));
    }

    private void addBytes(String id, byte[] def, CfgText par, String defName, String parName, Place place) {
        String parText = par.text();
        boolean viaCli = nextViaCli();
        out.add(new BadInput(id + (viaCli ? " (cli)" : ""), dir -> {
            Files.write(dir.resolve(defName), def);
            return describe(dir, defName, parName, parText, place, viaCli);
        }));
    }

    /**
     * Loads the net as {@code jconvnet describe} does: every {@link #CLI_EVERY}th input through the
     * command itself (exit 2, one line), the others through the same API call, which is much
     * quicker (a {@link org.jconvnet.api.config.ConfigException} naming the place).
     */
    private java.util.Optional<String> describe(Path dir, String defName, String parName, String parText,
                                                Place place, boolean viaCli) throws IOException {
        Files.writeString(dir.resolve(parName), parText);
        String def = dir.resolve(defName).toString();
        String params = dir.resolve(parName).toString();
        if (viaCli) {
            return Judge.cli(ExitCodes.USAGE_ERROR, place, "describe", "--layer-def", def, "--layer-params", params);
        }
        return Judge.config(place, () -> NetFiles.load(def, params, DataProviderChoice.CIFAR, PLUGINS));
    }

    private boolean nextViaCli() {
        return out.size() % CLI_EVERY == 0;
    }

    private String pick(List<String> values) {
        return values.get(random.nextInt(values.size()));
    }

    private List<String> pickSome(List<String> values, int n) {
        List<String> copy = new ArrayList<>(values);
        java.util.Collections.shuffle(copy, random);
        return copy.subList(0, Math.min(n, copy.size()));
    }
}
