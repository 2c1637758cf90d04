package org.scalelab.engine.model;

import org.scalelab.engine.config.ExplainedFailure;

/** An architecture that cannot be built; the message names the architecture, the layer and the reason. */
public class ArchitectureException extends RuntimeException implements ExplainedFailure {
    public ArchitectureException(String message) {
        super(message);
    }

    public ArchitectureException(String message, Throwable cause) {
        super(message, cause);
    }
}
