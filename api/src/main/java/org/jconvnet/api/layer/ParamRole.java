package org.jconvnet.api.layer;

/** What a parameter matrix is; biases never get weight decay (cuda-convnet.md §4.4). */
public enum ParamRole {
    /** A weight matrix, one per input of a weight layer. */
    WEIGHTS,
    /** The layer's bias vector. */
    BIASES
}
