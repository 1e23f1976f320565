package org.jconvnet.cli;

import org.jconvnet.api.JConvNetException;

/**
 * A command-line mistake the user has to fix (a missing directory, an unknown backend id, a bad
 * option value); reported as one line and exit code {@link ExitCodes#USAGE_ERROR}.
 */
public class UsageException extends JConvNetException {
    private static final long serialVersionUID = 1L;

    /** Creates the error with the line shown to the user. */
    public UsageException(String message) {
        super(message);
    }
}
