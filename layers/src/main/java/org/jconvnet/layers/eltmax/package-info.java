/** {@code type=eltmax}: element-wise maximum of inputs (spec section 3.12). */
package org.jconvnet.layers.eltmax;
