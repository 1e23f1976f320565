/**
 * Crash-safe checkpoints: a directory per save holding {@code manifest.json} and one {@code .npy}
 * per parameter and momentum buffer in cuda-convnet's layouts, committed by an atomic rename and
 * a {@code latest} pointer, so a kill at any moment leaves the last good checkpoint readable.
 * The format is documented in {@code train/README.md}.
 */
package org.jconvnet.train.checkpoint;
