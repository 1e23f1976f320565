/** {@code type=data}: a matrix of the data provider, uploaded by the net (spec section 3.1). */
package org.jconvnet.layers.data;
