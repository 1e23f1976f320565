/** {@code type=data}: a matrix of the data provider, uploaded by the net (cuda-convnet.md §3.1). */
package org.jconvnet.layers.data;
