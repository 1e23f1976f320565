package org.jconvnet.train.data;

/** How a provider serves a batch (cuda-convnet.md §6.3). */
public enum ServeMode {
    /** Training: the cropped provider draws random crops and flips. */
    TRAIN,
    /** Testing: the cropped provider takes the centre crop. */
    TEST,
    /** Multiview testing: the cropped provider serves 10 views per image, view-major. */
    MULTIVIEW
}
