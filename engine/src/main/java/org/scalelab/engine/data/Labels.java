package org.scalelab.engine.data;

import java.util.function.Function;

/** The label range check shared by the in-memory model and the file readers, which throw different exceptions. */
final class Labels {

    private Labels() {
    }

    /**
     * Throws {@code error.apply(problem)} for the first label outside 0..classCount-1, where the problem
     * reads like {@code label 12 of item 345 is out of range, expected 0..9}.
     */
    static void check(byte[] labels, int classCount, Function<String, ? extends RuntimeException> error) {
        for (int i = 0; i < labels.length; i++) {
            int label = Byte.toUnsignedInt(labels[i]);
            if (label >= classCount) {
                throw error.apply("label " + label + " of item " + Text.count(i) + " is out of range, expected 0.."
                        + (classCount - 1));
            }
        }
    }
}
