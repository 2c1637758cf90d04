package org.scalelab.engine.runs;

/** A run record could not be saved, read or changed; the message names the file and the cause. */
public class RunStoreException extends RuntimeException {

    public RunStoreException(String message, Throwable cause) {
        super(message, cause);
    }

    public RunStoreException(String message) {
        super(message);
    }
}
