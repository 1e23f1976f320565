/** {@code type=eltsum}: weighted element-wise sum of inputs (cuda-convnet.md §3.12). */
package org.jconvnet.layers.eltsum;
