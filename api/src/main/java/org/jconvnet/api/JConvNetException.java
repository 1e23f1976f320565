package org.jconvnet.api;

/**
 * The root of every error jconvnet reports to a user. Its message is meant to be printed as it is,
 * on one line, so it names what is wrong and where (file, section, key, shape, backend).
 */
public class JConvNetException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates an exception whose message is shown to the user verbatim.
     *
     * @param message what is wrong and where, in one line
     */
    public JConvNetException(String message) {
        super(message);
    }

    /**
     * Creates an exception with a cause kept for diagnostics; the message alone must still explain.
     *
     * @param message what is wrong and where, in one line
     * @param cause the underlying failure
     */
    public JConvNetException(String message, Throwable cause) {
        super(message, cause);
    }
}
