package org.scalelab.engine.training;

import java.nio.FloatBuffer;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.scalelab.engine.events.Phase;
import org.scalelab.engine.model.GradientBuckets;
import org.scalelab.engine.model.GradientBuckets.Bucket;
import org.scalelab.engine.model.LayerClock;
import org.scalelab.engine.model.Network;
import org.scalelab.engine.parallel.comm.CommunicationAbortedException;
import org.scalelab.engine.parallel.comm.Communicator;
import org.scalelab.engine.parallel.comm.NdBuffers;

/**
 * Synchronous data parallelism with the allreduce overlapped with the backward pass, as PyTorch DDP does it: the
 * gradients are cut into {@link GradientBuckets}, and as soon as the backward pass has produced a bucket's layers, a
 * communication thread of this worker's allreduces it while the earlier layers' backward passes run. The update waits
 * for the last bucket. The sums are those of {@link GradientAllreduce}, bucket by bucket, so the weights match it.
 *
 * <p>The communicator is used by one thread at a time, as it must be: by the communication thread from the first
 * bucket until the last is summed, and by the worker otherwise ({@link Future#get} orders the two).
 *
 * <p>Phases: each bucket's time on the communication thread is split at the moment the backward pass ended. Before
 * it, the allreduce was hidden ({@link Phase#HIDDEN_COMMUNICATION}); after it, the worker waits, and that is
 * {@link Phase#COMMUNICATION}, less what the communication thread spent waiting for other workers after it, which is
 * {@link Phase#IDLE}. Where the communicator cannot tell waiting apart, the first bucket starts with a barrier (on the
 * communication thread, so the backward pass goes on), as {@link TimedCollectives} does before a whole allreduce.
 */
final class OverlappedAllreduce implements ReplicaSync, LayerClock {
    /** How long an idle communication thread stays, so that a run's end does not leave one behind. */
    private static final long IDLE_THREAD_SECONDS = 2;

    private final Communicator communicator;
    private final PhaseTimer timer;
    private final List<Bucket> buckets;
    private final FloatBuffer[] views;
    /** Each bucket's name on the timeline, made once: {@link #account} runs every step. */
    private final String[] names;
    private final long bytes;
    private final ThreadPoolExecutor communication;
    private final Future<?>[] pending;
    /**
     * Per bucket, on the timer's clock: when its task started and ended; and as its communicator counted it, how long
     * it waited for peers and how long it communicated (the end of the stretch: a collective waits, then sums).
     */
    private final long[] started;
    private final long[] waited;
    private final long[] communicated;
    private final long[] ended;
    private int launched;
    /** When this step's backward pass ended: when its last bucket was ready, on the timer's clock. */
    private long backwardEnded;

    OverlappedAllreduce(TimedCollectives collectives, Network network, int bucketKb) {
        this.communicator = collectives.communicator();
        this.timer = collectives.timer();
        this.buckets = GradientBuckets.ofLayers(network.layers(), bucketKb);
        FloatBuffer gradients = NdBuffers.view(network.gradients());
        this.views = buckets.stream().map(b -> gradients.slice(b.from(), b.floats())).toArray(FloatBuffer[]::new);
        this.names = IntStream.range(0, buckets.size()).mapToObj(i -> "allreduce bucket " + (i + 1) + "/" + buckets.size())
                .toArray(String[]::new);
        this.bytes = buckets.stream().mapToLong(Bucket::bytes).sum();
        this.pending = new Future<?>[buckets.size()];
        this.started = new long[buckets.size()];
        this.waited = new long[buckets.size()];
        this.communicated = new long[buckets.size()];
        this.ended = new long[buckets.size()];
        // In the worker's thread group: MPJ's smpdev tells its ranks apart by their threads' group.
        ThreadGroup group = Thread.currentThread().getThreadGroup();
        String name = "communication-" + communicator.rank();
        this.communication = new ThreadPoolExecutor(1, 1, IDLE_THREAD_SECONDS, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), body -> {
                    Thread thread = new Thread(group, body, name);
                    thread.setDaemon(true);
                    return thread;
                });
        communication.allowCoreThreadTimeOut(true);
    }

    @Override
    public double gradientScale(int partImages, int globalImages) {
        return 1.0 / globalImages;
    }

    @Override
    public LayerClock backwardClock() {
        return communicator.size() > 1 ? this : LayerClock.NONE;
    }

    /**
     * Hands every bucket whose lowest layer's backward pass has now finished to the communication thread. The last
     * bucket holds the first layer with parameters: once it is ready, the backward pass is over.
     */
    @Override
    public void finished(int layer, boolean backward) {
        while (backward && launched < buckets.size() && layer <= buckets.get(launched).lowestLayer()) {
            if (launched == buckets.size() - 1) {
                backwardEnded = timer.now();
            }
            launch(launched++);
        }
    }

    /** Sends what the backward pass did not (all of it for a worker without images), and waits for the last bucket. */
    @Override
    public void beforeUpdate() {
        if (communicator.size() == 1) {
            return;
        }
        if (launched < buckets.size()) {
            backwardEnded = timer.now();
            while (launched < buckets.size()) {
                launch(launched++);
            }
        }
        timer.enter(Phase.COMMUNICATION, "allreduce", bytes);
        awaitBuckets();
        timer.enter(Phase.UPDATE);
        launched = 0;
        timer.move(account(backwardEnded), Phase.COMMUNICATION, Phase.IDLE);
    }

    @Override
    public void afterUpdate(int partImages, int globalImages) {
    }

    @Override
    public void endOfEpoch() {
    }

    private void launch(int index) {
        pending[index] = communication.submit(() -> allreduce(index));
    }

    /** On the communication thread. */
    private void allreduce(int index) {
        started[index] = timer.now();
        long waitedBefore = communicator.times().waitingNanos();
        long communicatedBefore = communicator.times().communicatingNanos();
        if (index == 0 && !communicator.times().separatesWaiting()) {
            communicator.barrier();
        }
        communicator.allreduceSum(views[index]);
        ended[index] = timer.now();
        waited[index] = communicator.times().waitingNanos() - waitedBefore;
        communicated[index] = communicator.times().communicatingNanos() - communicatedBefore;
    }

    private void awaitBuckets() {
        try {
            for (Future<?> bucket : pending) {
                bucket.get();
            }
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException failure ? failure : new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            for (Future<?> bucket : pending) {
                bucket.cancel(true);
            }
            Thread.currentThread().interrupt();
            throw new CommunicationAbortedException("interrupted while waiting for the communication thread");
        }
    }

    /**
     * Charges each bucket's stretch on the communication thread: its wait for peers first, its allreduce last (as
     * long as the communicator counted it communicating, so that hidden and waited-for add up to that), the latter
     * split at the end of the backward pass into hidden and waited-for communication. The task's bookkeeping between
     * the two is neither.
     *
     * @return the waiting for peers that fell after the backward pass: the worker's idle time
     */
    private long account(long backwardEnded) {
        long idle = 0;
        for (int i = 0; i < buckets.size(); i++) {
            long peersArrived = started[i] + waited[i];
            long summing = ended[i] - communicated[i];
            String collective = names[i];
            long bucketBytes = buckets.get(i).bytes();
            idle += Math.max(0, peersArrived - Math.max(started[i], backwardEnded));
            timer.communicationThread(Phase.IDLE, started[i], peersArrived, null, 0);
            long split = Math.min(ended[i], Math.max(summing, backwardEnded));
            timer.communicationThread(Phase.HIDDEN_COMMUNICATION, summing, split, collective, bucketBytes);
            timer.communicationThread(Phase.COMMUNICATION, split, ended[i], collective, bucketBytes);
        }
        return idle;
    }
}
