/**
 * PNG pictures of a model, like cuda-convnet's {@code shownet.py} (cuda-convnet.md §8): training and
 * test cost/error curves from the metrics, the first conv layer's filters as an RGB grid, and
 * predictions on test images with top-4 probability bars. Drawn with {@code java.awt} in headless
 * mode, so no display is needed.
 */
package org.jconvnet.train.show;
