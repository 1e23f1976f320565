/** {@code type=cnorm}: local contrast normalisation (cuda-convnet.md §3.8). */
package org.jconvnet.layers.cnorm;
