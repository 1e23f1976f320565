/** {@code type=softmax} (spec section 3.10). */
package org.jconvnet.layers.softmax;
