package org.scalelab.engine.studies;

import java.util.Optional;
import org.scalelab.engine.config.TrainingConfig;

/**
 * What a scaling model predicts for a study's configurations. Studies set predictions beside measurements
 * without knowing how they are made; the calibrated model ({@code predict.StudyPredictions}) is one, given to
 * the report by whoever writes it.
 */
public interface StudyPredictor {

    /**
     * The predicted figures of {@code config}.
     *
     * @param trainImages   the training set's images (an epoch's, before any step limit of the configuration)
     * @param onThisMachine as it runs here, oversubscribed if it needs more cores than this machine has; else on
     *                      hosts beyond it
     * @return empty when the model cannot predict it (its network was not calibrated)
     */
    Optional<Point> predict(TrainingConfig config, int trainImages, boolean onThisMachine);

    /** This machine's cores: configurations that need more are predicted beyond it. */
    int coresHere();

    /** Where the configurations beyond this machine are placed, for the report ("hosts of 2 cores over 10gbe"). */
    String beyond();

    /** One configuration's predicted steady throughput, and its speedup over the predicted serial run. */
    record Point(double imagesPerSecond, double speedup, double efficiency) {
    }
}
