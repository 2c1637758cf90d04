package org.scalelab.engine.parallel.comm;

import org.scalelab.engine.config.ExplainedFailure;

/** A collective could not complete because another rank failed or the job was cancelled. */
public final class CommunicationAbortedException extends RuntimeException implements ExplainedFailure {
    private static final long serialVersionUID = 1L;

    public CommunicationAbortedException(String message) {
        super(message);
    }
}
