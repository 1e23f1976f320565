/** {@code type=cost.sum2}: the sum-of-squares cost (cuda-convnet.md §3.11). */
package org.jconvnet.layers.sum2;
