/**
 * The compute core of the fast CPU backend, independent of how kernels receive their arguments:
 * OpenBLAS and oneDNN loading ({@link org.jconvnet.backend.blas.core.NativeLibrary}), sgemm on
 * native buffers, conv through oneDNN's primitives, the worker threads, reusable scratch, im2col over
 * cuda-convnet's layouts, and the kernel bodies over {@code float[]} arrays.
 */
package org.jconvnet.backend.blas.core;
