/**
 * Device-resident matrices in cuda-convnet's layout.
 *
 * <p>Every array jconvnet moves between layers is a {@link org.jconvnet.api.tensor.Tensor}: a
 * row-major {@code rows x cols} matrix owned by one backend. Activations are
 * {@code (channels*height*width) x numCases} with the case index fastest (cuda-convnet.md §2.2);
 * {@link org.jconvnet.api.tensor.ImageShape} computes their offsets and
 * {@link org.jconvnet.api.tensor.MatrixOrder} records which parameter matrices are stored
 * Fortran-ordered.
 */
package org.jconvnet.api.tensor;
