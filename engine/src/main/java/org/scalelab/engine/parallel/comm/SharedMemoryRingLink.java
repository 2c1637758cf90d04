package org.scalelab.engine.parallel.comm;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel.MapMode;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.locks.LockSupport;

/**
 * A {@link RingAllreduce.Link} between processes on one machine through shared memory, the way MPI libraries
 * move messages between ranks on the same host: no sockets, no kernel copies, no packing; a message is copied
 * once from the sender's data into its outbox, and added (or copied) once from there into the receiver's data.
 *
 * <p>Each rank owns one memory-mapped file, its outbox, which it writes and its right neighbour reads. The
 * outbox starts with two counters on separate cache lines, then holds one message of floats:
 * <ul>
 * <li>{@code SENT}, written by the owner: the number of the last message it put in the outbox;</li>
 * <li>{@code TAKEN}, written by the right neighbour: the number of the last message it copied out.</li>
 * </ul>
 * Message n is written only once the neighbour has taken n−1, and published by a release store of n in
 * {@code SENT}, which the reader's acquire load pairs with: everything written before is visible after.
 * The launcher creates the files ({@link #createOutboxes}) before the ranks start and deletes them when the
 * job ends; an outbox grows (its owner maps a larger region, which lengthens the file) before the message
 * that needs the room is published.
 *
 * <p>A wait spins briefly, then yields, then parks for growing intervals (up to {@link #LONGEST_PARK_NANOS}),
 * so a rank that waits for a slow neighbour — one evaluating, or one sharing a core — leaves the core to it.
 * An interrupt ends the wait with a {@link CommunicationAbortedException}; a neighbour that dies is the
 * launcher's to notice, which stops every rank.
 */
public final class SharedMemoryRingLink implements RingAllreduce.Link {
    private static final VarHandle INT = MethodHandles.byteBufferViewVarHandle(int[].class, ByteOrder.nativeOrder());
    private static final int SENT = 0;
    private static final int TAKEN = 64;
    private static final int HEADER_BYTES = 128;
    private static final int SPINS = 100;
    private static final int YIELDS = 1000;
    private static final long LONGEST_PARK_NANOS = 200_000;

    private static final String RIGHT_TAKES = "the right neighbour to take the previous message";

    private final Path outboxPath;
    private final Path inboxPath;
    private final String leftSends;
    private final MappedByteBuffer outboxHeader;
    private final MappedByteBuffer inboxHeader;
    private FloatBuffer outbox = FloatBuffer.allocate(0);
    private FloatBuffer inbox = FloatBuffer.allocate(0);
    private final BlockedAdd blocks = new BlockedAdd();
    private int messages;

    /** Opens this rank's outbox and its left neighbour's, created by {@link #createOutboxes}. */
    public SharedMemoryRingLink(Path directory, int rank, int size) {
        int left = Math.floorMod(rank - 1, size);
        this.leftSends = "rank " + left + " to send";
        this.outboxPath = outboxOf(directory, rank);
        this.inboxPath = outboxOf(directory, left);
        this.outboxHeader = map(outboxPath, 0, HEADER_BYTES);
        this.inboxHeader = map(inboxPath, 0, HEADER_BYTES);
    }

    /** Creates one empty outbox per rank in {@code directory}, before any rank opens its link. */
    public static void createOutboxes(Path directory, int size) throws IOException {
        for (int rank = 0; rank < size; rank++) {
            Files.write(outboxOf(directory, rank), new byte[HEADER_BYTES]);
        }
    }

    @Override
    public void exchange(FloatBuffer data, int send, int sendCount, int receive, int receiveCount, boolean add) {
        int message = ++messages;
        await(outboxHeader, TAKEN, message - 1, RIGHT_TAKES);
        if (outbox.capacity() < sendCount) {
            outbox = messageRegion(outboxPath, sendCount);
        }
        outbox.put(0, data, send, sendCount);
        INT.setRelease(outboxHeader, SENT, message);

        await(inboxHeader, SENT, message, leftSends);
        if (inbox.capacity() < receiveCount) {
            inbox = messageRegion(inboxPath, receiveCount);
        }
        blocks.into(data, receive, inbox, 0, receiveCount, add);
        INT.setRelease(inboxHeader, TAKEN, message);
    }

    private static void await(MappedByteBuffer header, int counter, int value, String forWhat) {
        long parkNanos = 1_000;
        for (int tries = 0; (int) INT.getAcquire(header, counter) != value; tries++) {
            if (tries < SPINS) {
                Thread.onSpinWait();
            } else if (tries < SPINS + YIELDS) {
                Thread.yield();
            } else {
                LockSupport.parkNanos(parkNanos);
                parkNanos = Math.min(2 * parkNanos, LONGEST_PARK_NANOS);
                if (Thread.interrupted()) {
                    throw new CommunicationAbortedException("interrupted while waiting for " + forWhat);
                }
            }
        }
    }

    /** Room for {@code floats} after the header; a larger region than before lengthens the file. */
    private static FloatBuffer messageRegion(Path file, int floats) {
        return map(file, HEADER_BYTES, (long) floats * Float.BYTES).order(ByteOrder.nativeOrder()).asFloatBuffer();
    }

    /** Read-write, so that a larger region lengthens the file; the mapping outlives the channel. */
    private static MappedByteBuffer map(Path file, long position, long bytes) {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            return channel.map(MapMode.READ_WRITE, position, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot map the shared-memory outbox " + file + ": " + e.getMessage(), e);
        }
    }

    private static Path outboxOf(Path directory, int rank) {
        return directory.resolve("rank-" + rank);
    }
}
