/**
 * The CPU reference backend: plain Java, always available, float32 and float64. It is the
 * numerical source of truth every other backend is compared against, so its kernels are written
 * to read like the formulas of cuda-convnet.md; they are parallel over cases (images) so that the conformance
 * suite and the default training run are not painfully slow.
 */
package org.jconvnet.backend.cpu;
