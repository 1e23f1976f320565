package org.jconvnet.train.facade;

import org.jconvnet.train.InvalidOptionException;

/**
 * A backend was asked for by an id that no discovered provider has; the message lists the known
 * ids. A usage error: the choice has to change (the command line reports it with exit code 2).
 */
public class UnknownBackendException extends InvalidOptionException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the error.
     *
     * @param message the line shown to the user: the id asked for and the known ones
     */
    public UnknownBackendException(String message) {
        super(message);
    }
}
