package org.scalelab.engine.model;

/**
 * Told each time a part of a {@link Network}'s pass finishes, so that a benchmark can time the layers one by one
 * ({@code scalelab bench layers}). Training passes {@link #NONE}.
 */
@FunctionalInterface
public interface LayerClock {
    /** The index {@link #finished} gives for the conversion of the input batch to the layers' layout. */
    int INPUT_LAYOUT = -1;

    LayerClock NONE = (layer, backward) -> { };

    /**
     * @param layer    index in {@link Network#layers()}, or {@link #INPUT_LAYOUT}
     * @param backward whether it was the backward pass
     */
    void finished(int layer, boolean backward);
}
