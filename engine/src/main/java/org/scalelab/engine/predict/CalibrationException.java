package org.scalelab.engine.predict;

import org.scalelab.engine.config.ExplainedFailure;

/**
 * A calibration that cannot be used, said in one line that names the file and what to do; or a configuration the
 * scaling model does not predict.
 */
public final class CalibrationException extends RuntimeException implements ExplainedFailure {
    public CalibrationException(String message) {
        super(message);
    }
}
