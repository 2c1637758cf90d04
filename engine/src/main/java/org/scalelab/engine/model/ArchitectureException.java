package org.scalelab.engine.model;

/** An architecture that cannot be built; the message names the architecture, the layer and the reason. */
public class ArchitectureException extends RuntimeException {
    public ArchitectureException(String message) {
        super(message);
    }

    public ArchitectureException(String message, Throwable cause) {
        super(message, cause);
    }
}
