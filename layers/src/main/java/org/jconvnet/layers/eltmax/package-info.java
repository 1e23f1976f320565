/** {@code type=eltmax}: element-wise maximum of inputs (cuda-convnet.md §3.12). */
package org.jconvnet.layers.eltmax;
