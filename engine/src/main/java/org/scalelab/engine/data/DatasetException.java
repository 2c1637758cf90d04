package org.scalelab.engine.data;

/**
 * A dataset could not be found, read, downloaded or imported. The message is meant for the user as it is:
 * it names the file, field or value at fault and what was expected, so callers print it without a stack trace.
 */
public class DatasetException extends RuntimeException {

    public DatasetException(String message) {
        super(message);
    }

    public DatasetException(String message, Throwable cause) {
        super(message, cause);
    }
}
