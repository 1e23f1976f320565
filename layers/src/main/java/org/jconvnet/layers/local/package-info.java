/** {@code type=local}: locally connected layers, a separate filter bank per output position (spec section 3.3). */
package org.jconvnet.layers.local;
