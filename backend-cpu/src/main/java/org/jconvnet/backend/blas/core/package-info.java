/**
 * The compute core of the fast CPU backend, independent of how kernels receive their arguments:
 * OpenBLAS loading and sgemm on native buffers, the worker threads, reusable scratch, im2col over
 * cuda-convnet's layouts, and the kernel bodies over {@code float[]} arrays.
 */
package org.jconvnet.backend.blas.core;
