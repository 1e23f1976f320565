/** {@code type=conv}: convolution with shared filters (spec section 3.2). */
package org.jconvnet.layers.conv;
