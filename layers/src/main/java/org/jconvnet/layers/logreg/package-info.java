/** {@code type=cost.logreg}: the multinomial logistic-regression cost (spec section 3.11). */
package org.jconvnet.layers.logreg;
