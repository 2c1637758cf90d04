package org.scalelab.engine.strategies;

import org.scalelab.engine.events.RunListener;
import org.scalelab.engine.events.RunSummary;
import org.scalelab.engine.training.CancellationToken;
import org.scalelab.engine.training.RunPlan;

/** A way of training: the strategies whose workers are threads of this JVM, or MPJ ranks. */
public interface Trainer {

    /**
     * Trains the plan to the end, until cancelled, or until something fails. Emits one
     * {@link org.scalelab.engine.events.RunStarted} first and exactly one
     * {@link org.scalelab.engine.events.RunFinished} or {@link org.scalelab.engine.events.RunFailed} last.
     * Failures during training end the run as failed rather than escaping.
     *
     * @return the same summary as the last event carries
     * @throws org.scalelab.engine.config.ConfigException before anything starts when the run asks for more than
     *                                                    the machines can hold
     */
    RunSummary train(RunPlan plan, RunListener listener, CancellationToken cancellation);
}
