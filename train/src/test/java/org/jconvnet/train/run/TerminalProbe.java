package org.jconvnet.train.run;

/** Child-JVM main for {@link TerminalTest}: prints what {@link Terminal} decides about stderr. */
public final class TerminalProbe {
    private TerminalProbe() {
    }

    /** Prints {@code stderr-terminal=<true|false>} on stdout. */
    public static void main(String[] args) {
        System.out.println("stderr-terminal=" + Terminal.stderrIsTerminal());
    }
}
