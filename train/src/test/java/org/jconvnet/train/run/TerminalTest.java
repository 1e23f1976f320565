package org.jconvnet.train.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The "is stderr a terminal" decision on real streams: a pipe, a file, and a pseudo-terminal. */
class TerminalTest {
    @TempDir
    Path tmp;

    @Test
    void devicePathsOfTerminals() {
        assertTrue(Terminal.isTerminalDevice("/dev/pts/3"));
        assertTrue(Terminal.isTerminalDevice("/dev/tty1"));
        assertFalse(Terminal.isTerminalDevice("pipe:[12345]"));
        assertFalse(Terminal.isTerminalDevice("/home/u/train.log"));
        assertFalse(Terminal.isTerminalDevice("/dev/null"));
    }

    /**
     * Under {@code script} (a pseudo-terminal) stderr is a terminal; redirected to a file or a pipe
     * inside it, it is not.
     */
    @Test
    void aPseudoTerminalIsOneAndAFileInsideItIsNot() throws IOException, InterruptedException {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/script")), "util-linux script is not installed");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        Path cpFile = tmp.resolve("cp.txt");
        Files.writeString(cpFile, "-cp " + quote(cp) + " " + TerminalProbe.class.getName());
        Path log = tmp.resolve("err.log");
        String probe = quote(java) + " -XX:TieredStopAtLevel=1 @" + quote(cpFile.toString());
        assertEquals("stderr-terminal=true", underScript(probe));
        assertEquals("stderr-terminal=false", underScript(probe + " 2>" + quote(log.toString())));
        assertEquals("stderr-terminal=false", underScript(probe + " 2>&1 | cat"));
    }

    private String underScript(String command) throws IOException, InterruptedException {
        Path out = tmp.resolve("script.out");
        ProcessBuilder pb = new ProcessBuilder("/usr/bin/script", "-qec", command, "/dev/null");
        pb.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        pb.redirectOutput(out.toFile());
        pb.redirectErrorStream(true);
        Process p = pb.start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        String text = Files.readString(out, StandardCharsets.UTF_8);
        return text.lines().map(String::strip).filter(l -> l.startsWith("stderr-terminal=")).findFirst().orElse(text);
    }

    private static String quote(String s) {
        return "'" + s.replace("'", "'\\''") + "'";
    }
}
