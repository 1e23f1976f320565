package org.jconvnet.cli;

/** The process exit codes of {@code jconvnet}. */
public final class ExitCodes {
    /** Success. */
    public static final int OK = 0;
    /** A runtime failure: a backend that cannot start, an I/O error, a bug. */
    public static final int RUNTIME_ERROR = 1;
    /** The command line or a configuration file is wrong; the user has to change the input. */
    public static final int USAGE_ERROR = 2;
    /** Stopped by SIGINT (Ctrl-C) or SIGTERM; {@code train} saved a checkpoint first (as a shell reports Ctrl-C). */
    public static final int INTERRUPTED = 130;

    private ExitCodes() {
    }
}
