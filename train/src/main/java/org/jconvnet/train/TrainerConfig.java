package org.jconvnet.train;

import org.jconvnet.train.data.BatchRange;
import org.jconvnet.train.data.BatchSource;
import org.jconvnet.train.data.DataProvider;
import org.jconvnet.train.solver.LrSchedule;

/**
 * The settings of one {@link Trainer} run, every default already applied.
 *
 * @param provider   serves the batches
 * @param source     holds the batches
 * @param trainRange training batches, visited in order, cyclically
 * @param testRange  test batches
 * @param mini       minibatch size
 * @param testFreq   test (and save) every this many training batches; values below 1 count as 1
 * @param epochs     the last epoch to train (plus quirk 11's extra batch)
 * @param testOne    test one batch in rotation rather than all
 * @param seed       seeds the crops
 * @param schedule   the learning-rate factor by epoch ({@link LrSchedule#none()} for the file's rates)
 */
public record TrainerConfig(DataProvider provider, BatchSource source, BatchRange trainRange, BatchRange testRange,
                            int mini, int testFreq, int epochs, boolean testOne, long seed,
                            LrSchedule schedule) {
}
