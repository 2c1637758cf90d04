package org.scalelab.engine.training;

import org.scalelab.engine.events.RunListener;
import org.scalelab.engine.events.RunSummary;

/** One worker, one network: the baseline every parallel strategy is compared with. */
public final class SerialTrainer implements Trainer {

    @Override
    public RunSummary train(RunPlan plan, RunListener listener, CancellationToken cancellation) {
        return RunLifecycle.run(plan, listener, cancellation, events -> new SerialEpochs(plan, events, cancellation));
    }
}
