package org.scalelab.engine.studies;

import org.scalelab.engine.config.ExplainedFailure;

/** A study plan or study record that cannot be used; the message names the file, the field's path and what was expected. */
public class StudyPlanException extends RuntimeException implements ExplainedFailure {
    private static final long serialVersionUID = 1L;

    public StudyPlanException(String message) {
        super(message);
    }

    public StudyPlanException(String message, Throwable cause) {
        super(message, cause);
    }
}
