/**
 * CIFAR-10 data for training: the official binary batch files (plain or gzipped), batch numbering
 * and ranges as in cuda-convnet (1-5 = {@code data_batch_1..5}, 6 = {@code test_batch}), the
 * per-pixel data mean, a deterministic synthetic stand-in used when no data path is given, and
 * the two cuda-convnet data providers, {@code cifar} and {@code cifar-cropped} (cuda-convnet.md §6).
 */
package org.jconvnet.train.data;
