/**
 * File formats shared by every module: numpy's {@code .npy} (format 1.0), which cuda-convnet's
 * checkpoints, the golden cases and jconvnet's own checkpoints and exports use.
 */
package org.jconvnet.api.io;
