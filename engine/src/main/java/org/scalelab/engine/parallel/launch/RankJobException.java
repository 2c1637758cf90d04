package org.scalelab.engine.parallel.launch;

import org.scalelab.engine.config.ExplainedFailure;

/** A parallel job failed, could not start, or was cancelled; the message says which, for the user. */
public class RankJobException extends RuntimeException implements ExplainedFailure {
    private static final long serialVersionUID = 1L;

    public RankJobException(String message) {
        super(message);
    }
}
