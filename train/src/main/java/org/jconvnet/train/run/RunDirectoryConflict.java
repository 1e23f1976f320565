package org.jconvnet.train.run;

import org.jconvnet.api.JConvNetException;

/**
 * The run directory cannot be used as asked: it already holds a run (and {@code -f} was not
 * given), it is not a directory, or another {@code train} process holds its lock. Nothing was
 * written; the user has to change the command (the CLI exits with 2).
 */
public class RunDirectoryConflict extends JConvNetException {
    private static final long serialVersionUID = 1L;

    /** @param message what conflicts and what to do instead */
    public RunDirectoryConflict(String message) {
        super(message);
    }
}
