/**
 * The layer SPI.
 *
 * <p>A {@link org.jconvnet.api.layer.LayerPlugin} handles one cuda-convnet {@code type=}: it
 * validates its {@code .cfg} section and returns a configured {@link org.jconvnet.api.layer.Layer}
 * that knows its output shape, its parameters ({@link org.jconvnet.api.layer.ParamSpec}, in
 * cuda-convnet's layouts) and how to run forward and backward by launching kernels through a
 * {@link org.jconvnet.api.layer.LayerRun}. A layer never touches a backend class. Plugins are
 * found by {@link java.util.ServiceLoader} through
 * {@link org.jconvnet.api.layer.LayerPluginRegistry}; each also supplies the conformance cases
 * ({@link org.jconvnet.api.layer.LayerCase}) that certify its kernels on every backend.
 */
package org.jconvnet.api.layer;
