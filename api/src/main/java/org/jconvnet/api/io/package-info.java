/**
 * File formats shared by every module: numpy's {@code .npy} (format 1.0), which cuda-convnet's
 * checkpoints, the golden cases and jconvnet's own checkpoints and exports use; and the quoting of
 * strings in the JSON that modules write by hand.
 */
package org.jconvnet.api.io;
