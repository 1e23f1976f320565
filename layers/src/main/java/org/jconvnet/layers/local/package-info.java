/** {@code type=local}: locally connected layers, a separate filter bank per output position (cuda-convnet.md §3.3). */
package org.jconvnet.layers.local;
