package org.jconvnet.train.facade;

import org.jconvnet.train.InvalidOptionException;

/**
 * An image that does not fit the net (wrong size, wrong number of bytes) or a file that is no
 * image. The message names the image (its file, or its position in a list) and what was expected.
 * A usage error: the input has to change (the command line reports it with exit code 2).
 */
public class InvalidImageException extends InvalidOptionException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the error.
     *
     * @param message the line shown to the user, naming the image
     */
    public InvalidImageException(String message) {
        super(message);
    }
}
