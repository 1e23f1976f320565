/** {@code type=eltsum}: weighted element-wise sum of inputs (spec section 3.12). */
package org.jconvnet.layers.eltsum;
