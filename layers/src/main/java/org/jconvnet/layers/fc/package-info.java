/** {@code type=fc}: fully connected layers (spec section 3.4). */
package org.jconvnet.layers.fc;
