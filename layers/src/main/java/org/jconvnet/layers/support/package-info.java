/**
 * Helpers shared by the built-in layer plugins: a base {@link org.jconvnet.api.layer.Layer}
 * implementation, input-shape checks that name file, section and key, the learning and
 * initialisation keys of weight layers, and the code common to conv/local and to the three
 * normalisation layers. Third-party plugins may use them too, but need not.
 */
package org.jconvnet.layers.support;
