package org.jconvnet.cli;

import java.io.PrintWriter;
import org.jconvnet.api.JConvNetException;
import org.jconvnet.api.config.ConfigException;
import org.jconvnet.train.InvalidOptionException;
import java.util.List;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * Turns a failure into what the user sees: {@code jconvnet: <message>} on stderr (the stack trace
 * only with {@code -v}) and an exit code: {@link ExitCodes#USAGE_ERROR} for configuration and
 * usage errors, {@link ExitCodes#RUNTIME_ERROR} for everything else.
 *
 * <p>The one rule for exit code 2: the user has to change the command line or a configuration
 * file. That is a picocli {@link ParameterException} (a bad or missing option, or a combination a
 * command refuses before it starts), a {@link UsageException}, a {@link ConfigException} (a
 * {@code .cfg} file) or the train module's {@link InvalidOptionException} (a value that does not
 * fit the data, the net or the checkpoint). Every other failure is a runtime error.
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
        ParameterException usage = findParameterException(failure);
        if (usage != null) {
            return usage(usage);
        }
        // Guice wraps what a provider throws (ProvisionException); the user's error is inside.
        JConvNetException known = find(failure);
        int code;
        if (known != null) {
            err.println("jconvnet: " + known.getMessage());
            code = isUsageError(known) ? ExitCodes.USAGE_ERROR : ExitCodes.RUNTIME_ERROR;
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

    /**
     * A picocli usage error, as one line naming the command whose help to read; used for parse
     * errors and for the option checks commands make before they start.
     */
    int usage(ParameterException e) {
        err.println("jconvnet: " + e.getMessage() + didYouMean(e) + " (see '"
                + e.getCommandLine().getCommandSpec().qualifiedName() + " --help')");
        if (options.verbose()) {
            e.printStackTrace(err);
        }
        err.flush();
        return ExitCodes.USAGE_ERROR;
    }

    /** picocli's suggestions for a mistyped command or option name ("trian", "--epoch"), if any. */
    private static String didYouMean(ParameterException e) {
        if (e instanceof UnmatchedArgumentException u) {
            List<String> s = u.getSuggestions();
            if (!s.isEmpty()) {
                // picocli lists the closest name first; the others are often far off ("describe" for "trian").
                return "; did you mean " + s.get(0) + "?";
            }
        }
        return "";
    }

    private static boolean isUsageError(JConvNetException e) {
        return e instanceof ConfigException || e instanceof UsageException || e instanceof InvalidOptionException;
    }

    private static ParameterException findParameterException(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c instanceof ParameterException p) {
                return p;
            }
        }
        return null;
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
