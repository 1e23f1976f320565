/**
 * What {@code jconvnet bench} measures and reports besides images/s: the spread over repeats
 * ({@link org.jconvnet.train.bench.Spread}), the sgemm peak a FLOP rate is compared with
 * ({@link org.jconvnet.train.bench.Peaks}, {@link org.jconvnet.train.bench.HostSgemmProbe}) and the
 * JSON report ({@link org.jconvnet.train.bench.BenchReport}).
 */
package org.jconvnet.train.bench;
