package org.scalelab.engine.training;

import java.nio.FloatBuffer;
import org.scalelab.engine.parallel.comm.Communicator;

/**
 * Parameter averaging (Study C): each worker steps on its own part's mean gradient, and after every
 * {@code period} local steps, and at the end of each epoch, every replica is replaced by the average of all
 * replicas, each weighted by the images it trained on since the last average, so that a worker with a smaller
 * share counts less and one SGD step followed by an average equals one synchronous step.
 *
 * <p>Two ways to average: an allreduce of the weighted parameters, or, {@code viaMaster}, a gather of every
 * replica to worker 0, which sums them alone and broadcasts the result — the central bottleneck Study C
 * measured, kept so that it can be seen beside the allreduce.
 */
final class ParameterAverage implements ReplicaSync {
    private final TimedCollectives collectives;
    private final Communicator communicator;
    private final FloatBuffer parameters;
    private final int period;
    private final boolean viaMaster;
    private final float[] scratch;
    private final float[] sum;
    private final FloatBuffer gathered;
    private long myImages;
    private long allImages;
    private int localSteps;

    /** @param period local steps between averages; 0 averages once per epoch only */
    ParameterAverage(TimedCollectives collectives, FloatBuffer parameters, int period, boolean viaMaster) {
        this.collectives = collectives;
        this.communicator = collectives.communicator();
        this.parameters = parameters;
        this.period = period;
        this.viaMaster = viaMaster;
        boolean master = viaMaster && communicator.rank() == 0;
        int length = parameters.remaining();
        this.scratch = new float[length];
        this.sum = master ? new float[length] : null;
        this.gathered = master ? FloatBuffer.allocate(length * communicator.size()) : null;
    }

    @Override
    public double gradientScale(int partImages, int globalImages) {
        return 1.0 / partImages;
    }

    @Override
    public void beforeUpdate() {
    }

    /** Counts the local step: this worker's images and all workers' images in it; averages when due. */
    @Override
    public void afterUpdate(int partImages, int globalImages) {
        myImages += partImages;
        allImages += globalImages;
        localSteps++;
        if (period > 0 && localSteps >= period) {
            collectives.run(this::averageNow, collectiveName(), (long) Float.BYTES * parameters.limit());
        }
    }

    @Override
    public void endOfEpoch() {
        collectives.run(this::averageNow, collectiveName(), (long) Float.BYTES * parameters.limit());
    }

    /** What the timeline calls an averaging: the collectives it is made of. */
    private String collectiveName() {
        return viaMaster ? "gather+broadcast" : "allreduce";
    }

    /** Averages now, if any step was taken since the last average (every worker agrees on that). */
    private void averageNow() {
        if (allImages == 0) {
            return;
        }
        scale((float) ((double) myImages / allImages));
        if (viaMaster) {
            communicator.gather(parameters, gathered, 0);
            if (communicator.rank() == 0) {
                sumGatheredReplicas();
            }
            communicator.broadcast(parameters, 0);
        } else {
            communicator.allreduceSum(parameters);
        }
        myImages = 0;
        allImages = 0;
        localSteps = 0;
    }

    private void scale(float weight) {
        int length = parameters.remaining();
        parameters.get(0, scratch, 0, length);
        for (int i = 0; i < length; i++) {
            scratch[i] *= weight;
        }
        parameters.put(0, scratch, 0, length);
    }

    private void sumGatheredReplicas() {
        int length = parameters.remaining();
        gathered.get(0, sum, 0, length);
        for (int replica = 1; replica < communicator.size(); replica++) {
            gathered.get(replica * length, scratch, 0, length);
            for (int i = 0; i < length; i++) {
                sum[i] += scratch[i];
            }
        }
        parameters.put(0, sum, 0, length);
    }
}
