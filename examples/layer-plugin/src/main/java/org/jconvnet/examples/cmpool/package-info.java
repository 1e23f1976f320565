/**
 * An out-of-tree jconvnet layer plugin: cuda-convnet2's cross-map max pooling, {@code type=cmpool}.
 *
 * <p>{@link org.jconvnet.examples.cmpool.CmPoolPlugin} parses and validates the {@code .cfg}
 * section into a {@link org.jconvnet.examples.cmpool.CmPoolGeometry} and builds a
 * {@link org.jconvnet.examples.cmpool.CmPoolLayer}, which runs by launching the kernels of the
 * contract in {@link org.jconvnet.examples.cmpool.CmPoolContract}. The kernels live in the
 * sub-packages, one {@link org.jconvnet.api.kernel.KernelProvider} per backend; everything is found
 * through {@code META-INF/services}, so jconvnet needs no change to run this layer.
 */
package org.jconvnet.examples.cmpool;
