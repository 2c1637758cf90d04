package org.scalelab.engine.training;

import java.nio.FloatBuffer;
import org.scalelab.engine.config.Parallelism;
import org.scalelab.engine.parallel.comm.Communicator;
import org.scalelab.engine.parallel.compress.CompressedAllreduce;

/**
 * Synchronous data parallelism: each worker scales its part's loss gradient by one over the global batch, so
 * the allreduce sum of the workers' gradients is exactly the serial gradient of the whole batch, and every worker
 * then applies that same update to identical weights. A worker alone sums nothing.
 *
 * <p>With a lossy {@link Parallelism#compression()}, the gradients travel compressed and are gathered rather
 * than summed on the way ({@link CompressedAllreduce}); every worker still ends with the same sum, now of the
 * decoded gradients. The timeline's bytes are what this worker contributes: the encoded form.
 */
final class GradientAllreduce implements ReplicaSync {
    private final TimedCollectives collectives;
    private final FloatBuffer gradients;
    /** Null when the gradients travel as floats, or nothing travels. */
    private final CompressedAllreduce compressed;

    GradientAllreduce(TimedCollectives collectives, FloatBuffer gradients, Parallelism parallelism) {
        this.collectives = collectives;
        this.gradients = gradients;
        Communicator communicator = collectives.communicator();
        this.compressed = parallelism.compression().lossy() && communicator.size() > 1
                ? new CompressedAllreduce(communicator, parallelism.compression(), parallelism.errorFeedback(),
                        gradients.remaining())
                : null;
    }

    @Override
    public double gradientScale(int partImages, int globalImages) {
        return 1.0 / globalImages;
    }

    @Override
    public void beforeUpdate() {
        Communicator communicator = collectives.communicator();
        if (compressed != null) {
            collectives.run(() -> compressed.sum(gradients), "allgather", compressed.encodedBytes());
        } else if (communicator.size() > 1) {
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
