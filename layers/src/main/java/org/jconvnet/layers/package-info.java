/**
 * cuda-convnet's layers for jconvnet: one sub-package per layer {@code type=} (each a
 * {@link org.jconvnet.api.layer.LayerPlugin} found by {@link java.util.ServiceLoader}), the
 * {@code .cfg} reader ({@link org.jconvnet.layers.cfg}) and the net that wires layers together and
 * runs them on a backend ({@link org.jconvnet.layers.net}). Nothing here touches a backend class:
 * layers launch kernels by name through {@link org.jconvnet.api.layer.LayerRun}.
 */
package org.jconvnet.layers;
