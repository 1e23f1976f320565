/**
 * Exchanging weights and features with numpy and cuda-convnet tooling: {@code --init-from} and
 * {@code export-weights} read and write {@code <layer>.weights.npy} / {@code <layer>.biases.npy}
 * in the shapes and memory orders of cuda-convnet.md §2.4 and §2.5; {@code features} writes a layer's
 * activations as {@code NAME.npy} of shape (outputs, N).
 */
package org.jconvnet.train.interop;
