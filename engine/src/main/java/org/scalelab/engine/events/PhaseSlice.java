package org.scalelab.engine.events;

/**
 * A stretch of one worker's time in one phase, for the timeline.
 *
 * @param phase       what the worker did
 * @param startMicros when it began, in microseconds since 1970 (one clock for every process of a machine)
 * @param micros      how long it lasted
 * @param collective  for communication: the collective called, e.g. {@code "allreduce"}; null otherwise
 * @param bytes       for communication: the bytes this worker contributed to it; 0 otherwise
 */
public record PhaseSlice(Phase phase, long startMicros, long micros, String collective, long bytes) {
}
