package org.jconvnet.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Results on stdout, progress on stderr: one result line per batch on stdout in both modes; a bar
 * redrawn with carriage returns on stderr only when stderr is a terminal, nothing at all when it
 * is a pipe or a file (so {@code train > log 2>&1} reads line by line).
 */
class TrainingOutputTest {
    @TempDir
    Path tmp;

    private record Printed(String out, String err) {
    }

    private Printed train(boolean terminal, String name) throws IOException {
        Path data = TinyData.write(tmp.resolve("data"), 24);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        TrainingJob.withDiscoveredBackends(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), TrainingEnvironment.plain().withProgressBar(terminal))
                .train(TrainOptions.builder().dataPath(data).layerDef(TinyData.tinyNet()).trainRange("1-2").testRange("6")
                        .mini(4).seed(7L).backend("cpu").testFreq(2).epochs(1).savePath(tmp.resolve("save")).saveName(name)
                        .build());
        return new Printed(out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static List<String> batchLines(String text) {
        return Arrays.stream(text.split("\n")).filter(l -> l.matches("\\d+\\.\\d+\\.\\.\\. logprob: .*")).toList();
    }

    @Test
    void aPipeOrFileGetsOneLinePerBatchOnStdoutAndNoCarriageReturn() throws IOException {
        Printed p = train(false, "pipe");
        assertFalse(p.out().contains("\r") || p.err().contains("\r"), "no carriage return anywhere");
        List<String> lines = batchLines(p.out());
        assertEquals(List.of("1.1", "1.2", "2.1"), lines.stream().map(l -> l.substring(0, 3)).toList(), p.out());
        lines.forEach(l -> assertTrue(l.matches(".*\\(24 cases, [0-9.]+ sec, [0-9.]+ img/s, run ETA \\w+\\)"), l));
        assertTrue(p.out().contains("1.2 test on batch [6]") && p.out().contains("2.1 test on batch [6]"), p.out());
        assertEquals(List.of(), batchLines(p.err()), "no result lines on stderr");
        assertFalse(p.err().matches("(?s).*\\d\\.\\d \\[.*"), "no bar on stderr: " + p.err());
    }

    @Test
    void aTerminalGetsTheBarOnStderrAndTheSameResultLinesOnStdout() throws IOException {
        Printed p = train(true, "tty");
        assertTrue(p.err().contains("\r1.1 [") && p.err().contains("\r2.1 ["), "bar redrawn in place: " + p.err());
        assertFalse(p.out().contains("\r"), p.out());
        assertEquals(3, batchLines(p.out()).size(), p.out());
    }

    @Test
    void aBarNotInPlaceDrawsNothingWhileRunningAndOneLineAtTheEnd() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ProgressBar bar = new ProgressBar(new PrintStream(bytes, true, StandardCharsets.UTF_8), "file.tar.gz", 100, false);
        bar.update(50, "half", true);
        assertEquals("", bytes.toString(StandardCharsets.UTF_8));
        bar.finish(100, "done");
        assertEquals("file.tar.gz done" + System.lineSeparator(), bytes.toString(StandardCharsets.UTF_8));
    }
}
