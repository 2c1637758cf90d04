package org.scalelab.engine.events;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * One worker's time per phase over an epoch.
 *
 * @param worker  from 0; a serial run has worker 0 only
 * @param seconds every phase's total, phases the worker never entered included as 0
 */
public record WorkerPhases(int worker, Map<Phase, Double> seconds) {

    public WorkerPhases {
        EnumMap<Phase, Double> copy = new EnumMap<>(Phase.class);
        copy.putAll(seconds);
        seconds = Collections.unmodifiableMap(copy);
    }

    /** The worker's wall time: every phase but the communication hidden behind the backward pass. */
    public double total() {
        return seconds.entrySet().stream().filter(e -> e.getKey().wallTime()).mapToDouble(Map.Entry::getValue).sum();
    }
}
