/** {@code type=fc}: fully connected layers (cuda-convnet.md §3.4). */
package org.jconvnet.layers.fc;
