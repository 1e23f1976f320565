package org.jconvnet.train.facade;

/**
 * One class of a prediction and its probability.
 *
 * @param index       the class index (the label number)
 * @param name        the class name from the net's data set, or the index as text when unknown
 * @param probability the softmax output for the class, 0 to 1
 */
public record ClassScore(int index, String name, float probability) {
}
