package org.jconvnet.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.jconvnet.train.data.CifarBatchReader;
import org.jconvnet.train.data.SyntheticCifar;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.ParseResult;

/**
 * {@code scripts/reproduce-cifar10.sh} (issue 14): each row's commands, as its dry run prints them,
 * are command lines jconvnet accepts, with the documented schedules; bad rows and a missing
 * {@code EPOCHS} are refused; and a short real run (a tiny data set, {@code EPOCHS=1}, the CPU
 * reference, the launcher replaced by this test's class path) trains, tests the copied checkpoint
 * and draws the PNGs.
 */
class ReproduceCifar10ScriptTest {
    @TempDir
    Path tmp;
    Path data;
    Path out;

    record Result(int code, String out, String err) {
    }

    @BeforeEach
    void setUp() throws IOException {
        data = Files.createDirectories(tmp.resolve("data"));
        SyntheticCifar s = new SyntheticCifar(2, 20, 20);
        for (int k = 1; k <= 2; k++) {
            Files.write(data.resolve("data_batch_" + k + ".bin"), CifarBatchReader.encode(s.batch(k)));
        }
        Files.write(data.resolve("test_batch.bin"), CifarBatchReader.encode(s.batch(6)));
        out = tmp.resolve("out");
    }

    private static Path repositoryRoot() throws IOException {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            Path pom = p.resolve("pom.xml");
            if (Files.isRegularFile(pom) && Files.readString(pom).contains("<module>cli</module>")) {
                return p;
            }
        }
        throw new AssertionError("the repository root was not found above " + Path.of("").toAbsolutePath());
    }

    private Result script(Map<String, String> env, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("bash", repositoryRoot().resolve("scripts/reproduce-cifar10.sh").toString()));
        cmd.addAll(Arrays.asList(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectOutput(tmp.resolve("stdout").toFile())
                .redirectError(tmp.resolve("stderr").toFile());
        pb.environment().put("DATA", data.toString());
        pb.environment().put("SAVE_PATH", tmp.resolve("runs").toString());
        pb.environment().put("OUT", out.toString());
        pb.environment().remove("EPOCHS");
        pb.environment().remove("SCHEDULE");
        pb.environment().putAll(env);
        Process p = pb.start();
        assertTrue(p.waitFor(5, TimeUnit.MINUTES), "the script ended");
        return new Result(p.exitValue(), Files.readString(tmp.resolve("stdout")), Files.readString(tmp.resolve("stderr")));
    }

    /** The printed commands: launcher, then the arguments jconvnet parses. */
    private List<List<String>> dryRun(String row, Map<String, String> env) throws IOException, InterruptedException {
        Map<String, String> e = new java.util.HashMap<>(env);
        e.put("DRY_RUN", "1");
        Result r = script(e, row);
        assertEquals(0, r.code(), r::toString);
        List<List<String>> commands = r.out().lines().map(l -> List.of(l.split(" "))).toList();
        assertEquals(3, commands.size(), r::toString);
        // -f names the checkpoint the script copies; for the parse it must exist.
        Files.createDirectories(out.resolve("checkpoint"));
        for (List<String> c : commands) {
            assertTrue(c.get(0).endsWith("/jconvnet"), c::toString);
            List<String> args = c.subList(1, c.size());
            assertTrue(args.stream().noneMatch(a -> a.contains("'") || a.contains("\\")), () -> "plain words: " + c);
            CommandLine cli = new CommandLine(JConvNetCommand.class, new GuiceFactory(new Cli(
                    new PrintWriter(Writer.nullWriter()), new PrintWriter(Writer.nullWriter())).injector()));
            ParseResult parsed = cli.parseArgs(args.toArray(String[]::new));
            assertTrue(parsed.hasSubcommand(), c::toString);
        }
        return commands.stream().map(c -> c.subList(1, c.size())).toList();
    }

    private static String after(List<String> args, String option) {
        int i = args.indexOf(option);
        assertTrue(i >= 0 && i + 1 < args.size(), () -> option + " in " + args);
        return args.get(i + 1);
    }

    @Test
    void eachRowPrintsCommandsJconvnetAcceptsWithItsSchedule() throws IOException, InterruptedException {
        List<List<String>> r18 = dryRun("18pct", Map.of());
        List<String> train = r18.get(0);
        assertEquals(List.of("--backend", "cpu-blas", "train"), train.subList(0, 3));
        assertEquals("layers-18pct", after(train, "--layer-def"));
        assertEquals("cifar", after(train, "--data-provider"));
        assertEquals("1-5", after(train, "--train-range"));
        assertEquals("6", after(train, "--test-range"));
        assertEquals("130", after(train, "--epochs"));
        assertEquals("120:0.1,130:0.01", after(train, "--lr-schedule"));
        assertEquals(data.toString(), after(train, "--data-path"));
        assertEquals(List.of("--backend", "cpu-blas", "test", "-f", out.resolve("checkpoint").toString()), r18.get(1).subList(0, 5));
        assertTrue(!r18.get(1).contains("--multiview-test"), r18.get(1)::toString);
        assertEquals(out.toString(), after(r18.get(2), "-o"));

        for (String row : List.of("13pct", "11pct")) {
            List<List<String>> c = dryRun(row, Map.of("EPOCHS", "60", "BACKEND", "cpu-blas"));
            assertEquals("cifar-cropped", after(c.get(0), "--data-provider"));
            assertEquals("60", after(c.get(0), "--epochs"));
            assertEquals("40:0.1,50:0.01", after(c.get(0), "--lr-schedule"), "the 11pct recipe's two 10-epoch drops");
            assertEquals("cpu-blas", after(c.get(0), "--backend"));
            assertEquals("1", after(c.get(1), "--multiview-test"), "the table's test is the multiview one");
        }
        assertEquals("none", after(dryRun("11pct", Map.of("EPOCHS", "3", "SCHEDULE", "none")).get(0), "--lr-schedule"));
    }

    @Test
    void aBadRowOrAMissingEpochCountIsRefused() throws IOException, InterruptedException {
        Result r = script(Map.of("DRY_RUN", "1"), "20pct");
        assertEquals(2, r.code(), r::toString);
        assertTrue(r.err().contains("unknown row '20pct'; give 18pct, 13pct or 11pct"), r::toString);
        r = script(Map.of("DRY_RUN", "1"), "13pct");
        assertEquals(2, r.code(), r::toString);
        assertTrue(r.err().contains("set EPOCHS for 13pct"), r::toString);
        r = script(Map.of("DRY_RUN", "1", "EPOCHS", "15"), "11pct");
        assertEquals(2, r.code(), r::toString);
        assertTrue(r.err().contains("EPOCHS=15 leaves no epoch before the schedule's drops; give SCHEDULE"), r::toString);
        r = script(Map.of("DRY_RUN", "1"));
        assertEquals(2, r.code(), r::toString);
        assertTrue(r.err().contains("scripts/reproduce-cifar10.sh 18pct|13pct|11pct"), r::toString);
    }

    @Test
    void aShortRunTrainsTestsTheCopiedCheckpointAndDrawsTheCurves() throws IOException, InterruptedException {
        // The launcher: this test's JVM and class path (the script runs it three times).
        Path launcher = tmp.resolve("bin/jconvnet");
        Files.createDirectories(launcher.getParent());
        Files.writeString(launcher, "#!/bin/sh\nexec '" + Path.of(System.getProperty("java.home"), "bin", "java")
                + "' -cp '" + System.getProperty("java.class.path") + "' org.jconvnet.cli.Main \"$@\"\n");
        assertTrue(launcher.toFile().setExecutable(true));
        Result r = script(Map.of("JCONVNET", launcher.toString(), "BACKEND", "cpu", "EPOCHS", "1", "SCHEDULE", "1:0.1",
                "TRAIN_RANGE", "1-2", "MINI", "10", "TEST_FREQ", "2"), "18pct");
        assertEquals(0, r.code(), r::toString);
        assertTrue(r.out().contains("2.1... logprob:") && r.out().contains("lr x0.1)"), r::toString);
        assertEquals("2.1", Files.readString(out.resolve("checkpoint/latest")).trim());
        assertTrue(Files.isRegularFile(out.resolve("checkpoint/2.1/manifest.json")));
        assertTrue(Files.readString(out.resolve("test-output.txt")).contains("test on batches 6: logprob:"), r::toString);
        for (String png : List.of("cost.png", "error.png", "filters-conv1.png", "predictions.png")) {
            assertTrue(Files.size(out.resolve(png)) > 0, png);
        }
        String info = Files.readString(out.resolve("run-info.txt"), StandardCharsets.UTF_8);
        for (String step : List.of("train", "test", "show")) {
            assertTrue(info.matches("(?s).*\\n" + step + ": exit 0, wall \\d+ s\\n.*"), info);
        }
        assertTrue(info.contains("--lr-schedule 1:0.1") && info.contains("checkpoint: 2.1,"), info);
        assertTrue(r.err().contains("== train: exit 0, wall "), r::toString);
    }
}
