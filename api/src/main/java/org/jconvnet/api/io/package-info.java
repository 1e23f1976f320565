/**
 * File formats shared by every module: numpy's {@code .npy} (format 1.0), which cuda-convnet's
 * checkpoints, the golden cases and jconvnet's own checkpoints and exports use. (JSON files are
 * written with Jackson by the modules that own them, {@code train} and {@code conformance-tests}.)
 */
package org.jconvnet.api.io;
