package org.scalelab.engine.config;

/**
 * What a run trains on.
 *
 * @param dataset catalog name of the dataset, e.g. {@code mnist-mini}
 * @param augment random shifts (and flips for colour images) of training images
 */
public record DataSettings(String dataset, boolean augment) {
}
