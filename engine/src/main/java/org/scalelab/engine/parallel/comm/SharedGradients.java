package org.scalelab.engine.parallel.comm;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileChannel.MapMode;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.bytedeco.javacpp.Pointer;

/**
 * The gradient buffers of the ranks of one machine, in shared memory, so that an allreduce sums them where they lie, as
 * the threads of one JVM do ({@link SliceSum}), instead of passing copies round a ring: each rank's gradients live in a
 * file of its own in the job's shared-memory directory, which every rank maps. For {@code cnn-1m}'s 1,070,794 floats
 * the ring through the outboxes moved each gradient about 4.5 times per rank and took 1.3–1.6 ms a step where threads
 * summing in place took 0.5 (docs/PERFORMANCE.md).
 *
 * <p>An allreduce is two meetings: after the first, every rank's gradients are final and visible to all; between
 * them each rank adds its slice across all ranks' buffers and writes the sum into every one of them; after the second,
 * every buffer holds the sum and no rank touches another's until the next allreduce. The meetings are the caller's
 * (the shared-memory ring's barrier, whose release and acquire orderings carry the writes across).
 */
public final class SharedGradients {
    private static final int ZEROS_BYTES = 1 << 20;

    private final Path directory;
    private final int rank;
    private final int size;
    /** Each rank's gradients, mapped when first needed; kept so that the mappings live as long as this rank. */
    private final FloatBuffer[] regions;
    private MappedByteBuffer own;
    private long ownAddress;
    private final SliceSum slices = new SliceSum();

    /** @param directory the job's shared-memory directory, the one its ring's outboxes are in */
    public SharedGradients(Path directory, int rank, int size) {
        this.directory = directory;
        this.rank = rank;
        this.size = size;
        this.regions = new FloatBuffer[size];
    }

    /** This rank's gradient buffer of {@code floats} zeros in shared memory; once per rank, before any allreduce. */
    public FloatBuffer allocate(int floats) {
        if (own != null) {
            throw new IllegalStateException("rank " + rank + " has its shared gradients already");
        }
        own = map(fileOf(rank), (long) floats * Float.BYTES, true);
        ownAddress = addressOf(own.asFloatBuffer());
        regions[rank] = own.asFloatBuffer();
        return regions[rank].duplicate();
    }

    /** Whether {@code data} lies in this rank's shared gradients: the whole buffer, or a view of part of it. */
    public boolean holds(FloatBuffer data) {
        if (own == null || !data.isDirect()) {
            return false;
        }
        long offset = addressOf(data) - ownAddress;
        return offset >= 0 && offset + (long) data.remaining() * Float.BYTES <= own.capacity();
    }

    /**
     * Sums {@code data}, which {@link #holds} and which every rank passes at the same place of its gradients, across the
     * ranks, in place.
     *
     * @param meet returns once every rank has called it, what each wrote before visible to all
     */
    public void allreduceSum(FloatBuffer data, Runnable meet) {
        int first = Math.toIntExact((addressOf(data) - ownAddress) / Float.BYTES);
        int length = data.remaining();
        meet.run();
        // every region's position is 0, so an element's index in a region is its offset from the start of the gradients
        SliceSum.overSlice(length, size, rank, (from, count) -> slices.sum(this::region, size, first + from, count));
        meet.run();
    }

    /** Rank {@code peer}'s gradients, mapped the first time. */
    private FloatBuffer region(int peer) {
        if (regions[peer] == null) {
            // The peer allocated before the first meeting of this allreduce, so its file is there.
            regions[peer] = map(fileOf(peer), 0, false).asFloatBuffer();
        }
        return regions[peer];
    }

    /** Where a direct buffer's element at its position lies in memory (JavaCPP's pointer gives the buffer's start). */
    private static long addressOf(FloatBuffer buffer) {
        return new Pointer(buffer).address() + (long) buffer.position() * Float.BYTES;
    }

    private Path fileOf(int owner) {
        return directory.resolve("gradients-" + owner);
    }

    /**
     * Read-write; {@code create} makes the file of {@code bytes} zeros, written out so that a full {@code /dev/shm} fails
     * here with a message and not later, inside a native operation's write to an unbacked page; otherwise the whole
     * existing file is mapped.
     */
    private static MappedByteBuffer map(Path file, long bytes, boolean create) {
        try (FileChannel channel = create
                ? FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.READ, StandardOpenOption.WRITE)
                : FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            if (create) {
                ByteBuffer zeros = ByteBuffer.allocate(ZEROS_BYTES);
                for (long written = 0; written < bytes; ) {
                    zeros.clear().limit((int) Math.min(ZEROS_BYTES, bytes - written));
                    written += channel.write(zeros, written);
                }
            }
            MappedByteBuffer mapped = channel.map(MapMode.READ_WRITE, 0, create ? bytes : channel.size());
            mapped.order(ByteOrder.nativeOrder());
            return mapped;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot map the shared gradients " + file + ": " + e.getMessage(), e);
        }
    }
}
