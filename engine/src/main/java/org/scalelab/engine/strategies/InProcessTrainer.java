package org.scalelab.engine.strategies;

import org.scalelab.engine.config.Strategy;
import org.scalelab.engine.events.RunListener;
import org.scalelab.engine.events.RunSummary;
import org.scalelab.engine.training.CancellationToken;
import org.scalelab.engine.training.RunPlan;

/**
 * Strategies whose workers are all threads of this JVM: {@link Strategy#SERIAL} (the baseline every parallel
 * strategy is compared with), {@link Strategy#INTRA_OP}, {@link Strategy#THREADS}, and
 * {@link Strategy#PARAM_AVG} with one process.
 */
public final class InProcessTrainer implements Trainer {

    @Override
    public RunSummary train(RunPlan plan, RunListener listener, CancellationToken cancellation) {
        return RunLifecycle.run(plan, listener, cancellation, (current, guarded) -> new LocalWorkers(current.config(),
                current.architecture(), current.dataset(), null, guarded, cancellation, WorkerFiles.of(current)));
    }
}
