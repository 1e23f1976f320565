/** {@code type=conv}: convolution with shared filters (cuda-convnet.md §3.2). */
package org.jconvnet.layers.conv;
