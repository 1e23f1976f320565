/**
 * What keeps a training run safe and its output readable: the run directory it owns
 * ({@link org.jconvnet.train.run.RunDirectory}: refuses to overwrite an existing run, a lock file
 * against a second process, no stray directory after a failed start), the divergence guard
 * ({@link org.jconvnet.train.run.DivergenceGuard}: a non-finite cost or parameter stops training
 * before anything non-finite is saved), the graceful stop on SIGINT/SIGTERM
 * ({@link org.jconvnet.train.run.GracefulStop}) and whether progress may be drawn in place
 * ({@link org.jconvnet.train.run.Terminal}).
 */
package org.jconvnet.train.run;
