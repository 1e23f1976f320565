package org.jconvnet.cli;

import java.io.PrintWriter;
import org.jconvnet.api.JConvNetException;
import org.jconvnet.api.config.ConfigException;

/**
 * Turns a failure into what the user sees: {@code jconvnet: <message>} on stderr (the stack trace
 * only with {@code -v}) and an exit code: {@link ExitCodes#USAGE_ERROR} for configuration and
 * usage errors, {@link ExitCodes#RUNTIME_ERROR} for everything else.
 */
final class ErrorReporter {
    private final PrintWriter err;
    private final GlobalOptions options;

    ErrorReporter(PrintWriter err, GlobalOptions options) {
        this.err = err;
        this.options = options;
    }

    /** Reports {@code failure} and returns the exit code. */
    int report(Throwable failure) {
        // Guice wraps what a provider throws (ProvisionException); the user's error is inside.
        JConvNetException known = find(failure);
        int code;
        if (known != null) {
            err.println("jconvnet: " + known.getMessage());
            code = known instanceof ConfigException || known instanceof UsageException
                    ? ExitCodes.USAGE_ERROR : ExitCodes.RUNTIME_ERROR;
        } else {
            err.println("jconvnet: internal error: " + failure
                    + (options.verbose() ? "" : " (run with -v for the stack trace)"));
            code = ExitCodes.RUNTIME_ERROR;
        }
        if (options.verbose()) {
            failure.printStackTrace(err);
        }
        err.flush();
        return code;
    }

    private static JConvNetException find(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c instanceof JConvNetException j) {
                return j;
            }
        }
        return null;
    }
}
