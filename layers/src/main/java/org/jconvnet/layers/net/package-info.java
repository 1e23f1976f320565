/**
 * Nets: reading a cuda-convnet layer-definition and layer-parameter file pair into a validated,
 * backend-independent {@link org.jconvnet.layers.net.NetDefinition} (cuda-convnet.md §4.3 and §4.5),
 * the shipped example nets ({@link org.jconvnet.layers.net.NetCatalog}), and
 * {@link org.jconvnet.layers.net.Net}, which runs a definition on one backend: forward, backward
 * and gradients. The net exposes its {@link org.jconvnet.layers.net.Parameter}s; the update rule
 * (cuda-convnet's SGD of cuda-convnet.md §5.3) is a solver in the {@code train} module.
 *
 * <p>Inside, the net's jobs are split: {@code NetGraph} (the definition as index arrays),
 * {@code NetParameters} and {@code Activations} (the tensors), {@code BackwardSchedule(s)} (every
 * backward pass, planned once), {@code NetLayerRun} (each layer's view of the tensors, built once)
 * and {@code NetProfiler} (timing into a {@link org.jconvnet.layers.net.LayerProfile}).
 */
package org.jconvnet.layers.net;
