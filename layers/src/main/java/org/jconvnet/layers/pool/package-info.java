/** {@code type=pool}: max and average pooling with cuda-convnet's clipped edge windows (cuda-convnet.md §3.5). */
package org.jconvnet.layers.pool;
