/**
 * Training, testing and inspecting cuda-convnet nets: the {@link org.jconvnet.train.TrainingJob}
 * facade the command line calls, its {@link org.jconvnet.train.TrainOptions} (cuda-convnet option
 * names) resolved into a {@link org.jconvnet.train.ResolvedRun} with the defaults of
 * {@link org.jconvnet.train.TrainDefaults}, the {@link org.jconvnet.train.Trainer} loop of
 * cuda-convnet.md §5, test and multiview evaluation, the metrics log, progress bars and the
 * throughput bench. Sub-packages hold the data providers, the metrics records, checkpoints, numpy
 * interop, pictures and the data-set download.
 */
package org.jconvnet.train;
