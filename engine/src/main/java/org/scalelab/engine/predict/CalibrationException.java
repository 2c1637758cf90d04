package org.scalelab.engine.predict;

/** A calibration that cannot be used, said in one line that names the file and what to do. */
public final class CalibrationException extends RuntimeException {
    public CalibrationException(String message) {
        super(message);
    }
}
