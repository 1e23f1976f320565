/** {@code type=cmrnorm}: response normalisation across maps, the AlexNet LRN (cuda-convnet.md §3.7). */
package org.jconvnet.layers.cmrnorm;
