package org.scalelab.engine.config;

import java.util.ArrayList;
import java.util.List;

/**
 * GPipe's schedule of one step over K stages and M microbatches: every stage runs the forward pass of each
 * microbatch in turn, then their backward passes, the last microbatch first. A stage's forward pass of a
 * microbatch needs the stage before to have passed it on, its backward pass the stage after (the last stage
 * starts its backward passes from its own loss). The stages cannot all be busy at once: the first waits for the
 * gradients to come back, the last for the first activations to arrive. Counted in slots of equal length, each
 * stage is idle 2(K−1) of the step's 2(M+K−1) slots: the pipeline's bubble, (K−1)/(M+K−1) of the step.
 *
 * @param stages       K, at least 1
 * @param microbatches M, at least 1
 */
public record PipelineSchedule(int stages, int microbatches) {

    public PipelineSchedule {
        if (stages < 1 || microbatches < 1) {
            throw new IllegalArgumentException("stages " + stages + ", microbatches " + microbatches);
        }
    }

    /** One slot's work on a stage: the forward or the backward pass of one microbatch. */
    public record Work(boolean forward, int microbatch) {
        @Override
        public String toString() {
            return (forward ? "F" : "B") + microbatch;
        }
    }

    /** What every stage does in a step, in its order: all microbatches forward, then backward from the last. */
    public List<Work> order() {
        List<Work> order = new ArrayList<>();
        for (int m = 0; m < microbatches; m++) {
            order.add(new Work(true, m));
        }
        for (int m = microbatches - 1; m >= 0; m--) {
            order.add(new Work(false, m));
        }
        return order;
    }

    /**
     * The step in slots of equal length, each work taking one: {@code [stage][slot]}, null where the stage waits.
     * Each stage takes its {@link #order()} as early as its inputs allow.
     */
    public Work[][] slots() {
        List<Work> order = order();
        int[][] done = new int[stages][order.size()];
        int length = 0;
        for (int i = 0; i < order.size(); i++) {
            Work work = order.get(i);
            // forward passes flow from the first stage to the last, backward passes back
            for (int step = 0; step < stages; step++) {
                int stage = work.forward() ? step : stages - 1 - step;
                int free = i == 0 ? 0 : done[stage][i - 1];
                int neighbour = work.forward() ? stage - 1 : stage + 1;
                int input = neighbour < 0 || neighbour >= stages ? 0 : done[neighbour][i];
                done[stage][i] = Math.max(free, input) + 1;
                length = Math.max(length, done[stage][i]);
            }
        }
        Work[][] slots = new Work[stages][length];
        for (int stage = 0; stage < stages; stage++) {
            for (int i = 0; i < order.size(); i++) {
                slots[stage][done[stage][i] - 1] = order.get(i);
            }
        }
        return slots;
    }

    /** The share of the stages' slots spent waiting, counted on {@link #slots()}. */
    public double idleShare() {
        Work[][] slots = slots();
        long idle = 0;
        for (Work[] stage : slots) {
            for (Work work : stage) {
                if (work == null) {
                    idle++;
                }
            }
        }
        return (double) idle / ((long) stages * slots[0].length);
    }

    /** GPipe's bubble, (K−1)/(M+K−1): what {@link #idleShare()} comes to. */
    public double bubble() {
        return (double) (stages - 1) / (microbatches + stages - 1);
    }
}
