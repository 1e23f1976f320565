package org.jconvnet.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.jconvnet.cli.options.BackendId;
import org.jconvnet.cli.options.BatchRangeText;
import org.jconvnet.cli.options.Count;
import org.jconvnet.cli.options.CropBorder;
import org.jconvnet.cli.options.DTypeName;
import org.jconvnet.cli.options.DatasetName;
import org.jconvnet.cli.options.DownloadUrl;
import org.jconvnet.cli.options.InputDir;
import org.jconvnet.cli.options.InputFile;
import org.jconvnet.cli.options.LayerName;
import org.jconvnet.cli.options.LrScheduleText;
import org.jconvnet.cli.options.Md5Hex;
import org.jconvnet.cli.options.NetName;
import org.jconvnet.cli.options.NonNegative;
import org.jconvnet.cli.options.OutputDir;
import org.jconvnet.cli.options.OutputFile;
import org.jconvnet.cli.options.ParamsName;
import org.jconvnet.cli.options.PlainName;
import org.jconvnet.cli.options.ProviderName;
import org.jconvnet.cli.options.SparkMasterUrl;
import org.jconvnet.cli.options.Switch;
import org.jconvnet.train.data.CifarBatchReader;
import org.jconvnet.train.data.SyntheticCifar;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The exit-code promise, over every command and every option, driven by picocli's model of the
 * command line so that a new command or option is covered without touching this test: each command
 * answers {@code --help} with exit 0, and each option given one bad value (from a table by kind of
 * value, i.e. by converter) fails with exit 2 and exactly one line {@code jconvnet: ...} on stderr,
 * no stack trace, no backend started and nothing written.
 *
 * <p>An option whose kind is not in the table fails the test: give it a converter from
 * {@code org.jconvnet.cli.options} (which checks the value while parsing) and its bad example here.
 */
class EveryOptionTest {
    @TempDir
    static Path tmp;
    static Path data;
    static Path net;
    static Path checkpoint;
    static Path aFile;
    static Path image;
    static Path missing;

    /** Where a run must not write: every output option of a base command line points below here. */
    static Path untouched;

    @BeforeAll
    static void trainATinyModel() throws IOException, URISyntaxException {
        data = tmp.resolve("data");
        Files.createDirectories(data);
        SyntheticCifar s = new SyntheticCifar(2, 20, 20);
        for (int k = 1; k <= 2; k++) {
            Files.write(data.resolve("data_batch_" + k + ".bin"), CifarBatchReader.encode(s.batch(k)));
        }
        Files.write(data.resolve("test_batch.bin"), CifarBatchReader.encode(s.batch(6)));
        net = Path.of(EveryOptionTest.class.getResource("train/layers-tiny.cfg").toURI());
        CliRun train = CliRun.run("train", "--backend", "cpu", "--data-path", data.toString(), "--layer-def", net.toString(),
                "--train-range", "1-2", "--test-range", "6", "--epochs", "1", "--mini", "8", "--seed", "5",
                "--save-path", tmp.resolve("save").toString(), "--save-name", "ck");
        assertEquals(0, train.code, train::toString);
        checkpoint = tmp.resolve("save/ck");
        aFile = Files.writeString(tmp.resolve("a-file"), "not a directory");
        image = tmp.resolve("image.png");
        javax.imageio.ImageIO.write(new java.awt.image.BufferedImage(32, 32, java.awt.image.BufferedImage.TYPE_INT_RGB),
                "png", image.toFile());
        missing = tmp.resolve("no/such/dir");
        untouched = tmp.resolve("untouched");
    }

    /** A valid command line per command (after its name); each bad value is tried on top of it. */
    private static Map<String, List<String>> bases() {
        String out = untouched.resolve("out").toString();
        return Map.ofEntries(
                Map.entry("jconvnet", List.of()),
                Map.entry("train", List.of("--backend", "cpu", "--data-path", data.toString(), "--layer-def", net.toString(),
                        "--train-range", "1-2", "--test-range", "6", "--epochs", "1", "--mini", "8",
                        "--save-path", untouched.resolve("save").toString(), "--save-name", "x")),
                Map.entry("test", List.of("--backend", "cpu", "-f", checkpoint.toString())),
                Map.entry("predict", List.of("--backend", "cpu", "-f", checkpoint.toString(), image.toString())),
                Map.entry("features", List.of("--backend", "cpu", "-f", checkpoint.toString(), "--layer", "probs", "-o", out)),
                Map.entry("export-weights", List.of("-f", checkpoint.toString(), "-o", out)),
                Map.entry("show", List.of("--backend", "cpu", "-f", checkpoint.toString(), "-o", out, "--no-preds")),
                Map.entry("data", List.of()),
                Map.entry("data download", List.of("--cache", untouched.resolve("cache").toString(),
                        "--url", "http://127.0.0.1:9/none.tar.gz")),
                Map.entry("data install", List.of("--cache", untouched.resolve("cache").toString(), aFile.toString())),
                Map.entry("bench", List.of("--backend", "cpu", "--layer-def", net.toString(), "--mini", "4",
                        "--minibatches", "1", "--warmup", "0")),
                Map.entry("backends", List.of()),
                Map.entry("nets", List.of()),
                Map.entry("describe", List.of("--layer-def", net.toString())),
                Map.entry("conformance", List.of("--backend", "cpu", "--no-reference-checks", "--no-whole-net",
                        "--report", untouched.resolve("report.json").toString())));
    }

    /** One bad example per kind of value, the kind being the option's converter. */
    private static String badValue(ArgSpec arg) {
        Class<?> kind = arg.converters().length > 0 ? arg.converters()[0].getClass() : arg.type();
        Map<Class<?>, String> byKind = Map.ofEntries(
                Map.entry(Count.class, "0"), Map.entry(NonNegative.class, "-1"), Map.entry(CropBorder.class, "20"),
                Map.entry(BatchRangeText.class, "5-1"), Map.entry(LrScheduleText.class, "130:0.1,120:0.01"), Map.entry(DTypeName.class, "float16"),
                Map.entry(ProviderName.class, "imagenet"), Map.entry(DataProviderChoice.Converter.class, "imagenet"),
                Map.entry(InputDir.class, missing.toString()), Map.entry(OutputDir.class, aFile.toString()),
                Map.entry(OutputFile.class, tmp.toString()), Map.entry(PlainName.class, "a/b"),
                Map.entry(LayerName.class, "nosuch"), Map.entry(BackendId.class, "nosuch"), Map.entry(Md5Hex.class, "xyz"),
                Map.entry(DownloadUrl.class, "notaurl"), Map.entry(NetName.class, "nosuch-net"),
                Map.entry(ParamsName.class, "nosuch-params.cfg"), Map.entry(Switch.Converter.class, "maybe"), Map.entry(SparkMasterUrl.class, "sparc://host"),
                Map.entry(DatasetName.class, "imagenet"), Map.entry(InputFile.class, missing.toString()), Map.entry(Long.class, "x"), Map.entry(long.class, "x"),
                Map.entry(boolean.class, "maybe"), Map.entry(Boolean.class, "maybe"));
        String bad = byKind.get(kind);
        if (bad == null && arg.isOption() && ((OptionSpec) arg).longestName().equals("--plugins")) {
            bad = missing.toString();
        }
        if (bad == null && arg.isOption() && ((OptionSpec) arg).longestName().equals("--backend")) {
            bad = "nosuch";
        }
        assertNotNull(bad, () -> "no bad example for " + describe(arg) + " of kind " + kind.getName()
                + ": give it a converter from org.jconvnet.cli.options and add its bad example here");
        return bad;
    }

    private static List<CommandSpec> allCommands() {
        CommandLine root = new CommandLine(JConvNetCommand.class, new GuiceFactory(new Cli(
                new java.io.PrintWriter(java.io.Writer.nullWriter()), new java.io.PrintWriter(java.io.Writer.nullWriter()))
                .injector()));
        List<CommandSpec> all = new ArrayList<>();
        collect(root.getCommandSpec(), all);
        return all;
    }

    private static void collect(CommandSpec spec, List<CommandSpec> into) {
        into.add(spec);
        spec.subcommands().values().stream().map(CommandLine::getCommandSpec).distinct().forEach(s -> collect(s, into));
    }

    private static List<String> path(CommandSpec spec) {
        String q = spec.qualifiedName(" ");
        return q.equals("jconvnet") ? List.of() : List.of(q.substring("jconvnet ".length()).split(" "));
    }

    private static String key(CommandSpec spec) {
        String q = spec.qualifiedName(" ");
        return q.equals("jconvnet") ? q : q.substring("jconvnet ".length());
    }

    @TestFactory
    Stream<DynamicTest> everyCommandAnswersHelp() {
        return allCommands().stream().map(spec -> DynamicTest.dynamicTest(key(spec) + " --help", () -> {
            List<String> args = new ArrayList<>(path(spec));
            args.add("--help");
            CliRun r = CliRun.run(args.toArray(String[]::new));
            assertEquals(ExitCodes.OK, r.code, r::toString);
            assertTrue(r.out.contains("Usage: " + spec.qualifiedName()), r::toString);
            assertEquals("", r.err, r::toString);
            for (String bad : List.of("spec section", "§", "about two minutes", "cuda-convnet.md")) {
                assertFalse(r.out.contains(bad), () -> "help cites '" + bad + "': " + r.out);
            }
            assertFalse(r.out.matches("(?s).*[./~]\\R\\s*/.*|.*https?:/?\\R.*"), () -> "a path or URL is broken: " + r.out);
            if (spec.subcommands().isEmpty() && !spec.qualifiedName().equals("jconvnet")) {
                assertTrue(r.out.contains("Example"), () -> "no example in the help of " + key(spec) + ": " + r.out);
            }
            for (OptionSpec o : spec.options()) {
                if (o.required()) {
                    String synopsis = r.out.substring(0, r.out.indexOf("\n\n") > 0 ? r.out.indexOf("\n\n") : r.out.length());
                    assertFalse(synopsis.contains("[" + o.shortestName() + "="), () -> o.shortestName()
                            + " is required but shown as optional: " + synopsis);
                }
            }
        }));
    }

    @TestFactory
    Stream<DynamicTest> everyOptionRefusesABadValueAsAUsageError() {
        Map<String, List<String>> bases = bases();
        List<DynamicTest> tests = new ArrayList<>();
        for (CommandSpec spec : allCommands()) {
            List<String> base = bases.get(key(spec));
            assertNotNull(base, () -> "no valid base command line for '" + key(spec) + "': add one to bases()");
            List<ArgSpec> args = new ArrayList<>();
            for (OptionSpec o : spec.options()) {
                // Inherited global options are tried once, on the top-level command.
                if (o.usageHelp() || o.versionHelp() || o.inherited()) {
                    continue;
                }
                args.add(o);
            }
            args.addAll(spec.positionalParameters());
            for (ArgSpec arg : args) {
                tests.add(DynamicTest.dynamicTest(key(spec) + " " + describe(arg), () -> checkBadValue(spec, base, arg)));
            }
        }
        return tests.stream();
    }

    private static void checkBadValue(CommandSpec spec, List<String> base, ArgSpec arg) {
        String bad = badValue(arg);
        List<String> cmd = new ArrayList<>(path(spec));
        if (spec.qualifiedName().equals("jconvnet")) {
            // The global options: on a command that uses them (a backend choice is checked when one starts).
            cmd.add("test");
            base = List.of("-f", checkpoint.toString());
        }
        if (arg.isOption()) {
            OptionSpec o = (OptionSpec) arg;
            cmd.addAll(without(base, o));
            if (o.arity().max() == 0 || o.arity().min() == 0) {
                cmd.add(o.longestName() + "=" + bad);
            } else {
                cmd.add(o.longestName());
                cmd.add(bad);
            }
        } else {
            // A base command line ends with its positional values (data install FILE): the bad one replaces them.
            cmd.addAll(base.subList(0, base.size() - (int) spec.positionalParameters().stream().filter(p -> p.required()).count()));
            cmd.add(bad);
        }
        CliRun r = CliRun.run(cmd.toArray(String[]::new));
        String what = String.join(" ", cmd) + "\n" + r;
        assertEquals(ExitCodes.USAGE_ERROR, r.code, what);
        assertEquals(1, r.errLines().size(), what);
        assertTrue(r.errLines().get(0).startsWith("jconvnet: "), what);
        assertFalse(r.err.contains("\tat ") || r.err.contains("Exception") || r.err.contains("internal error"), what);
        assertFalse(r.cli.injector().getInstance(BackendSession.class).everStarted(), () -> "a backend started: " + what);
        assertFalse(Files.exists(untouched), () -> "something was written: " + what);
    }

    /** {@code base} without {@code o} and its value, so the bad value is the only one given. */
    private static List<String> without(List<String> base, OptionSpec o) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < base.size(); i++) {
            if (List.of(o.names()).contains(base.get(i))) {
                if (o.arity().max() > 0) {
                    i++;
                }
                continue;
            }
            out.add(base.get(i));
        }
        return out;
    }

    private static String describe(ArgSpec arg) {
        return arg.isOption() ? ((OptionSpec) arg).longestName() : "positional " + arg.paramLabel();
    }

    @org.junit.jupiter.api.Test
    void theDownloadUrlIsShownWhole() {
        CliRun r = CliRun.run("data", "download", "--help");
        assertTrue(r.out.contains("https://www.cs.toronto.edu/~kriz/cifar-10-binary.tar.gz"), r::toString);
    }

    @org.junit.jupiter.api.Test
    void exportWeightsReadsTheCheckpointWithoutABackend() {
        CliRun r = CliRun.run("export-weights", "-f", checkpoint.toString(), "-o", tmp.resolve("weights").toString());
        assertEquals(ExitCodes.OK, r.code, r::toString);
        assertTrue(Files.isRegularFile(tmp.resolve("weights/conv1.weights.npy")), r::toString);
        assertFalse(r.cli.injector().getInstance(BackendSession.class).everStarted(), r::toString);
    }

    @org.junit.jupiter.api.Test
    void commandsThatStartNoBackendDoNotOfferBackend() {
        for (String command : List.of("export-weights", "describe", "nets", "data")) {
            CliRun help = CliRun.run(command, "--help");
            assertFalse(help.out.contains("--backend"), () -> command + " offers --backend: " + help.out);
        }
        CliRun r = CliRun.run("nets", "--backend", "cpu");
        assertEquals(ExitCodes.USAGE_ERROR, r.code, r::toString);
        assertTrue(r.err.contains("Unknown options: '--backend'"), r::toString);
    }
}
