package org.scalelab.engine.config;

/**
 * A failure whose message already says what went wrong and what to do (a damaged dataset, a rank that died, a
 * setting that cannot work, a record that cannot be saved): reported to the user as that one line, with no
 * stack trace. Anything else is a fault of ScaleLab's and keeps its trace for a bug report.
 */
public interface ExplainedFailure {
}
