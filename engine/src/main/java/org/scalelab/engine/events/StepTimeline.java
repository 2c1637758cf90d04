package org.scalelab.engine.events;

import com.fasterxml.jackson.annotation.JsonInclude;
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
 * @param communicationThread with {@code --overlap}: the worker's communication thread over the same step, in time
 *                            order (hidden and waited-for allreduce of each bucket, waiting for peers); empty without
 *                            overlap, and in records written before it existed
 */
public record StepTimeline(int process, int thread, int epoch, long step, List<PhaseSlice> slices,
                           @JsonInclude(JsonInclude.Include.NON_EMPTY) List<PhaseSlice> communicationThread) implements RunEvent {

    public StepTimeline {
        slices = List.copyOf(slices);
        communicationThread = communicationThread == null ? List.of() : List.copyOf(communicationThread);
    }

    /** A step without a communication thread. */
    public StepTimeline(int process, int thread, int epoch, long step, List<PhaseSlice> slices) {
        this(process, thread, epoch, step, slices, List.of());
    }
}
