package org.scalelab.engine.strategies;

import org.scalelab.engine.config.Strategy;
import org.scalelab.engine.data.DatasetCatalog;
import org.scalelab.engine.events.RunListener;
import org.scalelab.engine.events.RunSummary;
import org.scalelab.engine.parallel.launch.RankDevice;
import org.scalelab.engine.training.CancellationToken;
import org.scalelab.engine.training.RunPlan;

/**
 * Strategies whose workers are MPJ Express ranks: {@link Strategy#MPJ}, {@link Strategy#HYBRID},
 * {@link Strategy#PIPELINE} and {@link Strategy#PARAM_AVG} with several processes run child JVMs on niodev;
 * {@link Strategy#MPJ_MULTICORE} runs ranks as threads of this JVM on smpdev.
 */
public final class MpjTrainer implements Trainer {
    private final DatasetCatalog catalog;

    /** @param catalog where the ranks open the dataset: the catalog the plan's dataset came from */
    public MpjTrainer(DatasetCatalog catalog) {
        this.catalog = catalog;
    }

    @Override
    public RunSummary train(RunPlan plan, RunListener listener, CancellationToken cancellation) {
        RankDevice device = deviceFor(plan.config().parallelism().strategy());
        return RunLifecycle.run(plan, listener, cancellation,
                (current, guarded) -> new RankEpochs(current, catalog, device, guarded, cancellation));
    }

    static RankDevice deviceFor(Strategy strategy) {
        return strategy == Strategy.MPJ_MULTICORE ? RankDevice.SMPDEV : RankDevice.NIODEV;
    }
}
