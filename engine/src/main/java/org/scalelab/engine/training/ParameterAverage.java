package org.scalelab.engine.training;

import java.nio.FloatBuffer;
import org.scalelab.engine.parallel.comm.Communicator;

/**
 * Parameter averaging (Study C): after some local steps, every replica is replaced by the average of all
 * replicas, each weighted by the images it trained on since the last average, so that a worker with a smaller
 * share counts less and one SGD step followed by an average equals one synchronous step.
 *
 * <p>Two ways to average: an allreduce of the weighted parameters, or, {@code viaMaster}, a gather of every
 * replica to worker 0, which sums them alone and broadcasts the result — the central bottleneck Study C
 * measured, kept so that it can be seen beside the allreduce.
 */
final class ParameterAverage {
    private final Communicator communicator;
    private final FloatBuffer parameters;
    private final boolean viaMaster;
    private final float[] scratch;
    private final float[] sum;
    private final FloatBuffer gathered;
    private long myImages;
    private long allImages;
    private int localSteps;

    ParameterAverage(Communicator communicator, FloatBuffer parameters, boolean viaMaster) {
        this.communicator = communicator;
        this.parameters = parameters;
        this.viaMaster = viaMaster;
        boolean master = viaMaster && communicator.rank() == 0;
        int length = parameters.remaining();
        this.scratch = new float[length];
        this.sum = master ? new float[length] : null;
        this.gathered = master ? FloatBuffer.allocate(length * communicator.size()) : null;
    }

    /** Counts one local step: this worker's images and all workers' images in it. */
    void stepped(int images, int globalImages) {
        myImages += images;
        allImages += globalImages;
        localSteps++;
    }

    /** Whether {@code period} local steps have passed since the last average; period 0 means once per epoch. */
    boolean due(int period) {
        return period > 0 && localSteps >= period;
    }

    /** Averages now, if any step was taken since the last average (every worker agrees on that). */
    void averageNow() {
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
