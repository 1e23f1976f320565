/**
 * Nets: reading a cuda-convnet layer-definition and layer-parameter file pair into a validated,
 * backend-independent {@link org.jconvnet.layers.net.NetDefinition} (cuda-convnet.md §4.3 and §4.5),
 * the shipped example nets ({@link org.jconvnet.layers.net.NetCatalog}), and
 * {@link org.jconvnet.layers.net.Net}, which runs a definition on one backend: forward, backward,
 * gradients and the SGD step of cuda-convnet.md §5.3.
 */
package org.jconvnet.layers.net;
