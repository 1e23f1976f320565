package org.jconvnet.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Arrays;
import java.util.List;

/** Runs the CLI in-process and keeps what it printed, for assertions. */
final class CliRun {
    final Cli cli;
    final int code;
    final String out;
    final String err;

    private CliRun(Cli cli, int code, String out, String err) {
        this.cli = cli;
        this.code = code;
        this.out = out;
        this.err = err;
    }

    /** Runs the real command set. */
    static CliRun run(String... args) {
        return runWith(List.of(), args);
    }

    /** Runs the real command set plus {@code extra} test commands. */
    static CliRun runWith(List<Class<?>> extra, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Cli cli = new Cli(new PrintWriter(out, true), new PrintWriter(err, true), extra);
        int code = cli.execute(args);
        return new CliRun(cli, code, out.toString(), err.toString());
    }

    /** The non-empty lines of stderr. */
    List<String> errLines() {
        return Arrays.stream(err.split("\\R")).filter(l -> !l.isBlank()).toList();
    }

    /** The lines of stdout. */
    List<String> outLines() {
        return Arrays.asList(out.split("\\R"));
    }

    @Override
    public String toString() {
        return "exit " + code + "\n--- stdout\n" + out + "--- stderr\n" + err;
    }
}
