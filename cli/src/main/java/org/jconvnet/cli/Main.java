package org.jconvnet.cli;

import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.util.Arrays;
import java.util.List;
import org.jconvnet.train.run.GracefulStop;

/** Entry point of the {@code jconvnet} command (see {@link Cli}). */
public final class Main {
    private Main() {
    }

    /** Runs the command line and exits with its code (through {@link GracefulStop#exit}). */
    public static void main(String[] args) {
        configureLogging(Arrays.asList(args));
        Charset cs = Charset.defaultCharset();
        PrintWriter out = new PrintWriter(new java.io.OutputStreamWriter(System.out, cs), true);
        PrintWriter err = new PrintWriter(new java.io.OutputStreamWriter(System.err, cs), true);
        int code = new Cli(out, err).execute(args);
        // Not System.exit: while a stop signal is being handled that would block forever.
        GracefulStop.exit(code);
    }

    /**
     * Sets slf4j-simple's options before the first logger exists (it reads them once): short lines
     * on stderr, {@code info} by default, {@code debug} with {@code -v}. Values given with
     * {@code -D} on the java command line win.
     */
    static void configureLogging(List<String> args) {
        boolean verbose = args.contains("-v") || args.contains("--verbose");
        setDefault("org.slf4j.simpleLogger.defaultLogLevel", verbose ? "debug" : "info");
        setDefault("org.slf4j.simpleLogger.showThreadName", "false");
        setDefault("org.slf4j.simpleLogger.showLogName", String.valueOf(verbose));
        setDefault("org.slf4j.simpleLogger.showShortLogName", String.valueOf(verbose));
        setDefault("org.slf4j.simpleLogger.levelInBrackets", "true");
    }

    private static void setDefault(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }
}
