package org.scalelab.engine.training;

import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.List;
import org.scalelab.engine.events.Phase;
import org.scalelab.engine.events.RunListener;
import org.scalelab.engine.events.UpdateStaleness;
import org.scalelab.engine.model.Network;
import org.scalelab.engine.parallel.comm.NdBuffers;
import org.scalelab.engine.parallel.comm.PointToPoint;
import org.scalelab.engine.training.optim.Optimizer;

/**
 * Asynchronous SGD's parameter server, rank 0: it holds the weights and the optimiser's state, takes the workers'
 * pushes ({@link AsyncPush}) in the order they arrive, from whichever worker, applies each gradient at once with
 * the optimiser and answers the worker with the weights as they now are. Each applied gradient is one update: the
 * version counts them. A gradient computed on weights more than {@code maxStaleness} updates old is refused
 * instead, and the worker computes it again on the weights it is sent back, so that the bound holds for every
 * update applied.
 *
 * <p>Epochs stay in step: the server serves until every worker has had each of its parts of the epoch applied,
 * then all ranks total the epoch and the server evaluates its weights while the workers wait (the epoch's end is
 * the one moment at which the weights are those of an epoch).
 *
 * <p>Phases: waiting for the next push is idle, applying it the update, answering communication.
 */
final class ParameterServer {
    private final PhaseTimer timer;
    private final PointToPoint messages;
    private final RunListener listener;
    private final CancellationToken cancellation;
    private final Network network;
    private final Optimizer optimizer;
    private final FloatBuffer parameters;
    private final FloatBuffer gradients;
    private final VersionedWeights push;
    private final VersionedWeights answer;
    private final int workers;
    private final int maxStaleness;
    private final List<Integer> staleness = new ArrayList<>();
    private int refused;
    private long version;

    /**
     * @param listener     where the staleness of its updates goes
     * @param workers      the ranks that push: every rank but the server's
     * @param maxStaleness the oldest a gradient's weights may be; 0 for no bound
     */
    ParameterServer(TimedCollectives collectives, Network network, Optimizer optimizer, RunListener listener,
                    CancellationToken cancellation, int maxStaleness) {
        this.timer = collectives.timer();
        this.messages = AsyncPush.messagesOf(collectives);
        this.listener = listener;
        this.cancellation = cancellation;
        this.network = network;
        this.optimizer = optimizer;
        this.parameters = NdBuffers.view(network.parameters());
        this.gradients = NdBuffers.view(network.gradients());
        this.push = new VersionedWeights(gradients.remaining());
        this.answer = new VersionedWeights(parameters.remaining());
        this.workers = collectives.communicator().size() - 1;
        this.maxStaleness = maxStaleness;
    }

    /**
     * Serves one epoch: applies every worker's gradient of each of the epoch's {@code steps} steps.
     *
     * @param stepsBefore the run's steps before this epoch, to number the steps that reports name
     */
    void serveEpoch(int epoch, long stepsBefore, int steps, double learningRate) {
        long expected = (long) steps * workers;
        for (long accepted = 0; accepted < expected; ) {
            cancellation.throwIfCancelled();
            timer.enter(Phase.IDLE);
            int worker = messages.receiveFromAny(push.bytes(), AsyncPush.PUSH_TAG);
            int updateStaleness = (int) (version - push.version());
            // A part without images has nothing to compute again.
            boolean applies = maxStaleness == 0 || updateStaleness <= maxStaleness || push.count() == 0;
            if (applies) {
                accepted++;
                apply(updateStaleness, learningRate);
            } else {
                refused++;
            }
            timer.enter(Phase.COMMUNICATION, "weights", answer.bytes().limit());
            answer.write(version, applies ? 1 : 0, parameters);
            messages.send(answer.bytes(), worker, AsyncPush.WEIGHTS_TAG);
            if (staleness.size() == workers || accepted == expected) {
                report(epoch, stepsBefore + (accepted + workers - 1) / workers);
            }
        }
    }

    /** A part without images changes nothing: its zero gradient would still move momentum and weight decay. */
    private void apply(int updateStaleness, double learningRate) {
        if (push.count() == 0) {
            return;
        }
        timer.enter(Phase.UPDATE);
        push.readInto(gradients);
        optimizer.step(network.parameters(), network.gradients(), learningRate);
        version++;
        staleness.add(updateStaleness);
    }

    private void report(int epoch, long globalStep) {
        if (staleness.isEmpty() && refused == 0) {
            return;
        }
        listener.onEvent(new UpdateStaleness(epoch, globalStep, staleness, refused));
        staleness.clear();
        refused = 0;
        // Thousands of phase switches an epoch: the timeline keeps the server's epoch end, not a merged blur.
        timer.discard();
    }
}
