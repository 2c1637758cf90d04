package org.scalelab.engine.runs;

import org.scalelab.engine.config.ExplainedFailure;

/** A run record could not be saved, read or changed; the message names the file and the cause. */
public class RunStoreException extends RuntimeException implements ExplainedFailure {

    public RunStoreException(String message, Throwable cause) {
        super(message, cause);
    }

    public RunStoreException(String message) {
        super(message);
    }
}
