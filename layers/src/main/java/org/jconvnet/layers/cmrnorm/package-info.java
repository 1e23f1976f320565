/** {@code type=cmrnorm}: response normalisation across maps, the AlexNet LRN (spec section 3.7). */
package org.jconvnet.layers.cmrnorm;
