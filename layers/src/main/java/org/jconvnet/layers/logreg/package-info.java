/** {@code type=cost.logreg}: the multinomial logistic-regression cost (cuda-convnet.md §3.11). */
package org.jconvnet.layers.logreg;
