package org.scalelab.engine.parallel.comm;

/**
 * Cuts {@code length} elements into {@code parts} contiguous pieces whose sizes differ by at most one
 * (some empty when {@code length < parts}), so that every rank does the same share of the work.
 */
record EvenSplit(int length, int parts) {

    /** Index of the first element of {@code part}; {@code start(parts) == length}. */
    int start(int part) {
        return (int) ((long) part * length / parts);
    }

    int size(int part) {
        return start(part + 1) - start(part);
    }

    /** The size of the largest piece, for sizing scratch buffers. */
    int largest() {
        return (length + parts - 1) / parts;
    }
}
