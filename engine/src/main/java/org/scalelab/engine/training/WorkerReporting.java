package org.scalelab.engine.training;

import org.scalelab.engine.events.RunListener;

/**
 * Where a worker reports, and as whom.
 *
 * @param steps    its step events: the job's first worker reports them, the others pass a no-op
 * @param timeline every worker's {@link org.scalelab.engine.events.StepTimeline}s
 * @param process  its process: the MPJ rank, 0 when the run has one process
 * @param thread   its thread within the process, from 0
 */
public record WorkerReporting(RunListener steps, RunListener timeline, int process, int thread) {
}
