/**
 * The reader of cuda-convnet's {@code .cfg} files: the Python 2 {@code ConfigParser} dialect of
 * cuda-convnet.md §4.2, producing {@link org.jconvnet.api.config.ConfigSection}s in file order.
 */
package org.jconvnet.layers.cfg;
