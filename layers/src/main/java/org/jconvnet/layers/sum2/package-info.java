/** {@code type=cost.sum2}: the sum-of-squares cost (spec section 3.11). */
package org.jconvnet.layers.sum2;
