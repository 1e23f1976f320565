/** {@code type=neuron}: element-wise activation functions (cuda-convnet.md §3.9). */
package org.jconvnet.layers.neuron;
