package org.scalelab.engine.parallel.comm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.nio.ByteBuffer;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Gathering and broadcasting bytes, the way compressed gradients travel, among threads and in a hybrid job. */
class ByteCollectivesTest {
    private static final int COUNT = 5;

    /** Rank r's block: COUNT bytes r·10, r·10 + 1, … */
    private static ByteBuffer block(int rank) {
        ByteBuffer bytes = ByteBuffer.allocate(COUNT);
        for (int i = 0; i < COUNT; i++) {
            bytes.put(i, (byte) (rank * 10 + i));
        }
        return bytes;
    }

    private static byte[] gathered(int ranks) {
        ByteBuffer all = ByteBuffer.allocate(ranks * COUNT);
        for (int rank = 0; rank < ranks; rank++) {
            all.put(rank * COUNT, block(rank), 0, COUNT);
        }
        return all.array();
    }

    @Test
    void threadsGatherEveryBlockInRankOrderAndBroadcastTheRoots() {
        SharedMemoryGroup group = new SharedMemoryGroup(3);
        List<byte[][]> results = ThreadedRanks.run(3, rank -> {
            Communicator communicator = group.communicator(rank);
            ByteBuffer receive = ByteBuffer.allocate(3 * COUNT);
            communicator.allgather(block(rank), receive);
            ByteBuffer broadcast = block(rank);
            communicator.broadcast(broadcast, 1);
            return new byte[][] {receive.array(), broadcast.array()};
        });
        for (byte[][] result : results) {
            assertArrayEquals(gathered(3), result[0]);
            assertArrayEquals(block(1).array(), result[1]);
        }
    }

    /** Two ranks of two threads, the ranks' leaders joined by a group of their own: worker order is rank-major. */
    @Test
    void aHybridJobGathersInWorkerOrderOnEveryThread() {
        SharedMemoryGroup leaders = new SharedMemoryGroup(2);
        SharedMemoryGroup[] ranks = {new SharedMemoryGroup(2), new SharedMemoryGroup(2)};
        // As LocalWorkers does: every thread of a rank holds the rank's communicator; only its leader uses it.
        Communicator[] globals = {leaders.communicator(0), leaders.communicator(1)};
        List<byte[][]> results = ThreadedRanks.run(4, worker -> {
            int rank = worker / 2;
            int thread = worker % 2;
            Communicator communicator = new HierarchicalCommunicator(ranks[rank].communicator(thread), globals[rank]);
            ByteBuffer receive = ByteBuffer.allocate(4 * COUNT);
            communicator.allgather(block(communicator.rank()), receive);
            ByteBuffer broadcast = block(communicator.rank());
            communicator.broadcast(broadcast, 0);
            return new byte[][] {receive.array(), broadcast.array()};
        });
        for (byte[][] result : results) {
            assertArrayEquals(gathered(4), result[0]);
            assertArrayEquals(block(0).array(), result[1]);
        }
    }
}
