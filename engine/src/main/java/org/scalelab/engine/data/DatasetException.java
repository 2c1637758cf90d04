package org.scalelab.engine.data;

import org.scalelab.engine.config.ExplainedFailure;

/**
 * A dataset could not be found, read, downloaded or imported. The message is meant for the user as it is:
 * it names the file, field or value at fault and what was expected, so callers print it without a stack trace.
 */
public class DatasetException extends RuntimeException implements ExplainedFailure {

    public DatasetException(String message) {
        super(message);
    }

    public DatasetException(String message, Throwable cause) {
        super(message, cause);
    }
}
