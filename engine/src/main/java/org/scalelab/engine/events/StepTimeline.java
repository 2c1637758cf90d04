package org.scalelab.engine.events;

import java.util.List;

/**
 * One worker's phases over one step, in the order they happened, for the timeline: together they cover the step
 * without gaps, so they add up to the worker's phase totals. Every worker reports its own. A long run reports a
 * sample of its steps ({@link TimelineSampling}); the end of each epoch (evaluation, the last exchange) always.
 *
 * @param process the worker's process: its MPJ rank, 0 when the run has one process
 * @param thread  the worker's thread within its process, from 0
 * @param step    the step since the run began, from 1; 0 for what follows an epoch's last step
 * @param slices  in time order
 */
public record StepTimeline(int process, int thread, int epoch, long step, List<PhaseSlice> slices) implements RunEvent {

    public StepTimeline {
        slices = List.copyOf(slices);
    }
}
