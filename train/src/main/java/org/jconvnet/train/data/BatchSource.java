package org.jconvnet.train.data;

import java.util.List;
import java.util.SortedSet;

/** Where CIFAR-style batches come from: a directory of binary files or the in-memory synthetic set. */
public interface BatchSource {

    /** The batch with cuda-convnet number {@code number}; errors name the missing file. */
    CifarBatch batch(int number);

    /** The batch numbers this source holds. */
    SortedSet<Integer> available();

    /** The class names, label 0 first. */
    List<String> labelNames();

    /** One line saying what this source is, e.g. the directory. */
    String describe();
}
