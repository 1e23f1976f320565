package org.jconvnet.train.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Whether this process's stderr is a terminal, which decides how training reports progress: a
 * terminal gets a bar redrawn in place with carriage returns; a pipe or a file gets none (the
 * one result line per batch on stdout is the log).
 */
public final class Terminal {
    private Terminal() {
    }

    /**
     * Linux: where {@code /proc/self/fd/2} points ({@code /dev/pts/*}, {@code /dev/tty*}); elsewhere
     * {@link System#console()}, which on Java 17 exists only when stdin and stdout are terminals.
     * {@code TERM=dumb} never gets a bar.
     */
    public static boolean stderrIsTerminal() {
        if ("dumb".equals(System.getenv("TERM"))) {
            return false;
        }
        Path fd2 = Path.of("/proc/self/fd/2");
        try {
            if (Files.isSymbolicLink(fd2)) {
                return isTerminalDevice(Files.readSymbolicLink(fd2).toString());
            }
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            // no /proc: fall back to the console test below
        }
        return System.console() != null;
    }

    /** Whether a device path names a terminal. */
    static boolean isTerminalDevice(String target) {
        return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty") || target.equals("/dev/console");
    }
}
