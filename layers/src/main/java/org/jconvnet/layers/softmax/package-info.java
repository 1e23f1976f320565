/** {@code type=softmax} (cuda-convnet.md §3.10). */
package org.jconvnet.layers.softmax;
