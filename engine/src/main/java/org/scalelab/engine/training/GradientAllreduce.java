package org.scalelab.engine.training;

import java.nio.FloatBuffer;
import org.scalelab.engine.parallel.comm.Communicator;

/**
 * Synchronous data parallelism: each worker scales its part's loss gradient by one over the global batch, so
 * the allreduce sum of the workers' gradients is exactly the serial gradient of the whole batch, and every worker
 * then applies that same update to identical weights. A worker alone sums nothing.
 */
final class GradientAllreduce implements ReplicaSync {
    private final TimedCollectives collectives;
    private final FloatBuffer gradients;

    GradientAllreduce(TimedCollectives collectives, FloatBuffer gradients) {
        this.collectives = collectives;
        this.gradients = gradients;
    }

    @Override
    public double gradientScale(int partImages, int globalImages) {
        return 1.0 / globalImages;
    }

    @Override
    public void beforeUpdate() {
        Communicator communicator = collectives.communicator();
        if (communicator.size() > 1) {
            collectives.run(() -> communicator.allreduceSum(gradients), "allreduce", (long) Float.BYTES * gradients.limit());
        }
    }

    @Override
    public void afterUpdate(int partImages, int globalImages) {
    }

    @Override
    public void endOfEpoch() {
    }
}
