/** {@code type=pool}: max and average pooling with cuda-convnet's clipped edge windows (spec section 3.5). */
package org.jconvnet.layers.pool;
