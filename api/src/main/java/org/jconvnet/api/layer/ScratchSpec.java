package org.jconvnet.api.layer;

/**
 * A per-minibatch buffer a layer keeps between its forward and backward pass, such as the
 * denominators of response normalisation. The net allocates it {@code rows x numCases}.
 *
 * @param name name the layer asks {@link LayerRun#scratch} for
 * @param rows rows per case
 */
public record ScratchSpec(String name, int rows) {
}
