package org.scalelab.engine.events;

/**
 * One optimiser step.
 *
 * @param epoch          from 1
 * @param step           within the epoch, from 1
 * @param globalStep     since the run began, from 1
 * @param loss           mean cross-entropy over the step's images (measured before the update)
 * @param accuracy       fraction of the step's images classified correctly, 0..1
 * @param images         images in this step (the last step of an epoch may be short)
 * @param elapsedSeconds since training began
 */
public record StepCompleted(
        int epoch,
        int step,
        long globalStep,
        double loss,
        double accuracy,
        int images,
        double elapsedSeconds) implements RunEvent {
}
