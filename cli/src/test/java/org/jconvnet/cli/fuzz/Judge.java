package org.jconvnet.cli.fuzz;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.jconvnet.api.JConvNetException;
import org.jconvnet.api.config.ConfigException;
import org.jconvnet.cli.Cli;

/**
 * Decides whether jconvnet handled a bad input well: one clear error that names the file and the
 * place, through the expected channel.
 *
 * <p>At the command line: the expected non-zero exit code (2 for a configuration error, 1 for a
 * runtime one), exactly one error line on stderr, {@code jconvnet: <message>}, after any log
 * lines, no "internal error" and no stack trace. Through the API: a {@link JConvNetException} (so the CLI would print its message
 * as it is) on one line. Anything else (success, another exception type, an
 * {@link OutOfMemoryError}) is a failure.
 */
final class Judge {
    private Judge() {
    }

    /** Runs the CLI in-process, as {@code jconvnet args...}, and judges its exit code and stderr. */
    static Optional<String> cli(int expectedExit, Place place, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code;
        try {
            code = new Cli(new PrintWriter(out, true), new PrintWriter(err, true)).execute(args);
        } catch (Throwable t) {
            return Optional.of("the CLI threw " + t + " instead of reporting it");
        }
        // stderr also carries the log (start-up lines, progress) of a command that got going
        // before it failed: the error is its one "jconvnet: " line, and it must come last.
        List<String> lines = Arrays.stream(err.toString().split("\\R")).filter(l -> !l.isBlank()).toList();
        List<String> errors = lines.stream().filter(l -> l.startsWith("jconvnet: ")).toList();
        String where = " (exit " + code + ", stderr: " + err + ")";
        if (code == 0) {
            return Optional.of("accepted: exit 0" + where);
        }
        if (errors.size() != 1 || !lines.get(lines.size() - 1).startsWith("jconvnet: ")) {
            return Optional.of("expected one error line, last on stderr, got " + errors.size() + where);
        }
        if (lines.stream().anyMatch(l -> l.startsWith("\tat ") || l.startsWith("Caused by:") || l.startsWith("Exception in"))) {
            return Optional.of("a stack trace without -v" + where);
        }
        String line = errors.get(0);
        if (line.contains("internal error")) {
            return Optional.of("not a reported error" + where);
        }
        if (code != expectedExit) {
            return Optional.of("expected exit " + expectedExit + where);
        }
        return names(line, place);
    }

    /** Runs {@code call} and judges what it throws. */
    static Optional<String> api(Place place, Callable<?> call) {
        try {
            Object result = call.call();
            return Optional.of("accepted: returned " + result);
        } catch (JConvNetException e) {
            if (e.getMessage() == null || e.getMessage().contains("\n")) {
                return Optional.of("not one line: " + e.getMessage());
            }
            return names(e.getMessage(), place);
        } catch (Throwable t) {
            return Optional.of("unexpected " + t);
        }
    }

    /** With {@code -Dcorpus.show=true}, every message is printed, to review their wording. */
    private static final boolean SHOW = Boolean.getBoolean("corpus.show");

    /** Runs {@code call}, which must throw a {@link ConfigException} (the CLI's exit 2) naming the place. */
    static Optional<String> config(Place place, Callable<?> call) {
        try {
            call.call();
            return Optional.of("accepted");
        } catch (ConfigException e) {
            return api(place, () -> {
                throw e;
            });
        } catch (Throwable t) {
            return Optional.of("expected a configuration error, got " + t);
        }
    }

    private static Optional<String> names(String message, Place place) {
        if (SHOW) {
            System.out.println("  MESSAGE " + message);
        }
        return place.namedIn(message) ? Optional.empty()
                : Optional.of("the message does not name " + place.description() + ": " + message);
    }
}
