package org.jconvnet.api.layer;

/** Whether a forward pass is part of training (gradients follow) or a test/inference pass. */
public enum PassMode {
    /** Training: backward and an update follow. */
    TRAIN,
    /** Testing or feature extraction: forward only. */
    TEST
}
