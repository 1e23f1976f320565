package org.jconvnet.train.run;

import org.jconvnet.api.JConvNetException;

/**
 * Training diverged: a cost or a parameter became NaN or infinite. The message names the layer
 * and the minibatch where it first showed, and the checkpoint that stays the latest.
 */
public class DivergenceException extends JConvNetException {
    private static final long serialVersionUID = 1L;

    /** @param message where the non-finite value appeared and what to do */
    public DivergenceException(String message) {
        super(message);
    }
}
