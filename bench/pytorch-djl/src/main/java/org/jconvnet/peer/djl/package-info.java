/**
 * The peer jconvnet's bench is compared with: the same two nets (the seed net
 * layers-conv-local-11pct and layers-18pct) built on PyTorch's CPU engine through DJL, float32,
 * trained with SGD and momentum, timed the way {@code jconvnet bench} times (images/s of whole
 * minibatches, median of repeats).
 */
package org.jconvnet.peer.djl;
