package org.jconvnet.train;

import org.jconvnet.api.JConvNetException;

/**
 * An option whose value is well formed but does not fit what it is used with: a batch range the
 * data does not hold, a layer the net does not have, a value that conflicts with what the
 * checkpoint was trained with. Thrown while a run is resolved, before any backend starts or any
 * file is written; the command line reports it as a usage error (exit code 2).
 */
public class InvalidOptionException extends JConvNetException {
    private static final long serialVersionUID = 1L;

    /** Creates the error with the line shown to the user; it names the option. */
    public InvalidOptionException(String message) {
        super(message);
    }
}
