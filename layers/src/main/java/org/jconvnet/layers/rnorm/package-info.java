/** {@code type=rnorm}: response normalisation within a map over a spatial window (cuda-convnet.md §3.6). */
package org.jconvnet.layers.rnorm;
