package org.scalelab.engine.parallel.comm;

import java.nio.ByteBuffer;
import java.nio.FloatBuffer;
import java.util.Optional;

/**
 * Collective operations among the ranks of one parallel job, on flat float buffers, in place; and the two that
 * compressed gradients need, on bytes ({@link #allgather}, {@link #broadcast(ByteBuffer, int)}).
 *
 * <p>Buffers are {@link FloatBuffer}s, not {@code float[]} or INDArray. A network's parameters and gradients
 * are each one flat INDArray in off-heap memory; {@link NdBuffers#view} gives a FloatBuffer over that very
 * memory, so a collective reads and writes the weights where they are instead of copying them into a
 * {@code float[]} and back (two extra passes over every float, every step). A heap array works as well:
 * {@code FloatBuffer.wrap(floats)}. FloatBuffer is also a JDK type, so the same interface serves ranks that
 * live in their own class loaders (smpdev) and ranks that never touch ND4J.
 *
 * <p>Every operation works on the elements from the buffer's position to its limit and leaves position and
 * limit as they were. All ranks must call the same collectives in the same order with the same lengths.
 * A communicator belongs to its rank's thread; it is not safe for use by several threads.
 *
 * <p>Time: {@link #times()} splits the time spent inside collectives into communicating (moving and adding
 * data) and waiting for the slowest peer to arrive, where the implementation can tell the two apart. The
 * time inside {@link #barrier()} always counts as waiting, so a caller that wants the split from an
 * implementation that cannot make it ({@link CollectiveTimes#separatesWaiting()} false) calls
 * {@code barrier()} right before the collective.
 */
public interface Communicator {

    /** This rank's index, {@code 0 <= rank() < size()}. */
    int rank();

    /** The number of ranks in the job. */
    int size();

    /** Replaces every element, on every rank, by the sum of that element over all ranks. */
    void allreduceSum(FloatBuffer data);

    /** Copies {@code root}'s elements into every other rank's buffer. */
    void broadcast(FloatBuffer data, int root);

    /**
     * Concatenates every rank's {@code send} elements, in rank order, into {@code root}'s {@code receive}
     * buffer, which must hold {@code size()} times as many elements as {@code send}. Other ranks may pass
     * any buffer (or {@code null}) as {@code receive}: it is not touched.
     */
    void gather(FloatBuffer send, FloatBuffer receive, int root);

    /**
     * Concatenates every rank's {@code send} bytes, in rank order, into every rank's {@code receive} buffer, which
     * must hold {@code size()} times as many bytes as {@code send}: how compressed gradients travel, since they
     * cannot be summed as they are. Every rank sends the same count.
     */
    void allgather(ByteBuffer send, ByteBuffer receive);

    /** Copies {@code root}'s bytes into every other rank's buffer (a hybrid rank's gathered gradients to its threads). */
    void broadcast(ByteBuffer data, int root);

    /**
     * Sends the elements to rank {@code destination}, which takes them by {@link #receive}: how pipeline stages pass
     * activations and their gradients on. Only ranks that are MPJ processes or threads exchange such messages.
     */
    default void send(FloatBuffer data, int destination) {
        throw new UnsupportedOperationException("point-to-point messages travel between MPJ ranks only");
    }

    /**
     * Fills {@code data} with the elements rank {@code source} sent, which must be as many; the time until they
     * begin to arrive counts as waiting.
     */
    default void receive(FloatBuffer data, int source) {
        throw new UnsupportedOperationException("point-to-point messages travel between MPJ ranks only");
    }

    /** Returns once every rank has called it. */
    void barrier();

    /**
     * A buffer of {@code floats} zeros for the gradients this rank will {@link #allreduceSum}, where summing them costs
     * less than summing a buffer of the caller's: in memory the other ranks can reach. Empty where there is none.
     */
    default Optional<FloatBuffer> gradientBuffer(int floats) {
        return Optional.empty();
    }

    /** This rank's running totals of time spent inside collectives. */
    CollectiveTimes times();
}
