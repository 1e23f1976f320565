package org.jconvnet.cli;

/** The process exit codes of {@code jconvnet}. */
public final class ExitCodes {
    /** Success. */
    public static final int OK = 0;
    /** A runtime failure: a backend that cannot start, an I/O error, a bug. */
    public static final int RUNTIME_ERROR = 1;
    /** The command line or a configuration file is wrong; the user has to change the input. */
    public static final int USAGE_ERROR = 2;

    private ExitCodes() {
    }
}
