package org.scalelab.engine.bench;

import java.util.Map;
import java.util.Optional;
import org.scalelab.engine.events.Phase;
import org.scalelab.engine.runs.speedup.Speedup;
import org.scalelab.engine.runs.speedup.Throughput;

/**
 * How fast one case trained one model, beside the serial baseline.
 *
 * @param imagesPerSecond   the steady throughput of the timed epochs ({@link Throughput}); NaN when the case failed
 * @param speedup           over the serial baseline of the same model and global batch (NaN until compared)
 * @param msPerStep         each training phase's milliseconds per step, averaged over the workers (evaluation
 *                          left out: idle does not count waiting while worker 0 evaluates)
 * @param failure           why the case could not be measured (MPJ Express missing, a rank failed), if so
 * @param round             the round it was measured in, from 1; 0 for the serial run before the first round
 */
public record ScalingResult(String model, String dataset, ScalingCase scalingCase, double imagesPerSecond,
                            double speedup, Map<Phase, Double> msPerStep, Optional<String> failure, int round) {

    static ScalingResult failed(String model, String dataset, ScalingCase scalingCase, String why, int round) {
        return new ScalingResult(model, dataset, scalingCase, Double.NaN, Double.NaN, Map.of(), Optional.of(why), round);
    }

    /** This result compared with a serial baseline's images per second. */
    ScalingResult against(double serialImagesPerSecond) {
        return new ScalingResult(model, dataset, scalingCase, imagesPerSecond,
                Speedup.of(imagesPerSecond, serialImagesPerSecond, scalingCase.cores()).value(), msPerStep, failure, round);
    }

    /** Speedup per core: 1 is perfect scaling. */
    public double efficiency() {
        return new Speedup(speedup, scalingCase.cores()).efficiency();
    }
}
