/** {@code type=neuron}: element-wise activation functions (spec section 3.9). */
package org.jconvnet.layers.neuron;
