/** {@code type=cnorm}: local contrast normalisation (spec section 3.8). */
package org.jconvnet.layers.cnorm;
