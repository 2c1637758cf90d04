package org.scalelab.engine.training;

import java.nio.FloatBuffer;
import org.scalelab.engine.events.Phase;
import org.scalelab.engine.model.Network;
import org.scalelab.engine.parallel.comm.NdBuffers;
import org.scalelab.engine.parallel.comm.PointToPoint;

/**
 * Asynchronous SGD, a worker's side (ranks 1 to P − 1): in place of the optimiser's step it pushes its part's
 * gradient to the {@link ParameterServer} with the version of the weights it was computed on, and takes back the
 * server's weights as they are once the server has dealt with it, with their version. It waits for the server
 * only, never for the other workers. A gradient the server refused as too stale is {@link #refused()}: the worker
 * computes it again, on the weights it was sent back.
 *
 * <p>The part's gradient is scaled by one over the global batch, as the synchronous strategies scale it, so that the
 * P − 1 updates of one global batch add up to one synchronous step: with one worker, or no staleness and plain SGD,
 * the learning rate means the same at the same global batch. The whole round trip, the server's work for other
 * workers included, counts as communication; taking in the weights as the update.
 */
final class AsyncPush implements ReplicaSync {
    /** The rank of the parameter server. */
    static final int SERVER = 0;
    static final int PUSH_TAG = 3101;
    static final int WEIGHTS_TAG = 3102;

    private final PhaseTimer timer;
    private final PointToPoint messages;
    private final FloatBuffer parameters;
    private final FloatBuffer gradients;
    private final VersionedWeights push;
    private final VersionedWeights answer;
    /** The version of the weights this worker holds: the server's updates applied to them. */
    private long version;
    private boolean refused;

    AsyncPush(TimedCollectives collectives, Network network) {
        this.timer = collectives.timer();
        this.messages = messagesOf(collectives);
        this.parameters = NdBuffers.view(network.parameters());
        this.gradients = NdBuffers.view(network.gradients());
        this.push = new VersionedWeights(gradients.remaining());
        this.answer = new VersionedWeights(parameters.remaining());
    }

    /** The point-to-point side of the ranks' communicator: asynchronous SGD runs on MPJ ranks, which have one. */
    static PointToPoint messagesOf(TimedCollectives collectives) {
        return PointToPoint.of(collectives.communicator(), "asynchronous SGD");
    }

    @Override
    public double gradientScale(int partImages, int globalImages) {
        return 1.0 / globalImages;
    }

    @Override
    public boolean stepsLocally() {
        return false;
    }

    @Override
    public void beforeUpdate() {
    }

    /** Pushes the gradient (with its images: the server applies none of a part without any) and takes the weights. */
    @Override
    public void afterUpdate(int partImages, int globalImages) {
        timer.enter(Phase.COMMUNICATION, "push+pull", push.bytes().limit());
        push.write(version, partImages, gradients);
        messages.send(push.bytes(), SERVER, PUSH_TAG);
        messages.receive(answer.bytes(), SERVER, WEIGHTS_TAG);
        timer.enter(Phase.UPDATE);
        answer.readInto(parameters);
        version = answer.version();
        refused = answer.count() == 0;
    }

    @Override
    public boolean refused() {
        return refused;
    }

    @Override
    public void endOfEpoch() {
    }
}
