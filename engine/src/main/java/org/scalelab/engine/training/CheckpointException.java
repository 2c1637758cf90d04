package org.scalelab.engine.training;

import org.scalelab.engine.config.ExplainedFailure;

/** A checkpoint that cannot be written or read, in one line naming the file and the cause. */
public final class CheckpointException extends RuntimeException implements ExplainedFailure {
    public CheckpointException(String message) {
        super(message);
    }

    CheckpointException(String message, Throwable cause) {
        super(message, cause);
    }
}
