package org.jconvnet.train.run;

import org.jconvnet.api.JConvNetException;

/**
 * Training stopped on request (SIGINT/SIGTERM) after saving a checkpoint; the message says where
 * it is and how to resume. The command line exits with 130 on it.
 */
public class TrainingStopped extends JConvNetException {
    private static final long serialVersionUID = 1L;

    /** @param message where the checkpoint is and how to resume */
    public TrainingStopped(String message) {
        super(message);
    }
}
