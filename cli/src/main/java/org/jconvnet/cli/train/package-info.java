/**
 * The training and data commands of {@code jconvnet}: {@code train}, {@code test},
 * {@code features}, {@code export-weights}, {@code show}, {@code data download} and {@code bench}.
 * They translate cuda-convnet-style options into {@link org.jconvnet.train.TrainOptions} and call
 * the {@link org.jconvnet.train.TrainingJob} facade of the train module; the backend comes from the
 * run's {@link org.jconvnet.cli.BackendSession}.
 */
package org.jconvnet.cli.train;
