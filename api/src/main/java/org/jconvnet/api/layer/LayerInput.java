package org.jconvnet.api.layer;

import java.util.Optional;
import org.jconvnet.api.tensor.ImageShape;

/**
 * What a layer sees of one of its inputs while it is configured.
 *
 * @param name    the input layer's name
 * @param type    the input layer's {@code type=}
 * @param outputs its output dimension (rows per case)
 * @param image   its image geometry when it produces image-like output
 */
public record LayerInput(String name, String type, int outputs, Optional<ImageShape> image) {
}
