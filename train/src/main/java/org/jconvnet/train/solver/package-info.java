/**
 * Update rules: a {@link org.jconvnet.train.solver.Solver} changes a
 * {@link org.jconvnet.layers.net.Net}'s parameters from the gradients of its last backward, as
 * Caffe splits Net and Solver. {@link org.jconvnet.train.solver.SgdSolver} is cuda-convnet's rule
 * (cuda-convnet.md §5.3); another rule is another implementation, and the trainer, the bench and the
 * conformance suite take any.
 */
package org.jconvnet.train.solver;
