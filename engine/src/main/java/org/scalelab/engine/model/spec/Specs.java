package org.scalelab.engine.model.spec;

/** Field checks shared by the spec records; messages name the field as it is spelled in a file. */
final class Specs {
    private Specs() {
    }

    static void requirePositive(String field, int value) {
        if (value <= 0) {
            throw new IllegalArgumentException(field + " must be positive, got " + value);
        }
    }
}
