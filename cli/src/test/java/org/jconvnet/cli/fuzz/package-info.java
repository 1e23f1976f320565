/**
 * The bad-input corpus (issue 13): seeded mutations of the shipped {@code .cfg} files, of CIFAR-10
 * batches and of checkpoints, each of which must end in one clear error naming the file and the
 * place, in bounded time, through the CLI or the API.
 */
package org.jconvnet.cli.fuzz;
