package org.scalelab.engine.bench;

/** One measured cell: allreduce of {@code floats} floats across {@code ranks} ranks took {@code medianMillis}. */
public record AllreduceTiming(int floats, int ranks, double medianMillis) {
}
