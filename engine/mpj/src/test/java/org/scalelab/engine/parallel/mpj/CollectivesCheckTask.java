package org.scalelab.engine.parallel.mpj;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;
import org.scalelab.engine.parallel.comm.Communicator;
import org.scalelab.engine.parallel.launch.RankTask;

/**
 * Runs every collective on lengths that stress the chunking (empty, fewer elements than ranks, not divisible
 * by the rank count, several MPJ packets) and throws on the first wrong element. Values are small integers,
 * so every summation order gives the exact same float. With {@code dump N}, rank 0 also prints the allreduced
 * sum of N Gaussian floats per rank, for comparing algorithms.
 */
public final class CollectivesCheckTask implements RankTask {

    @Override
    public void run(Communicator comm, List<String> args, Consumer<String> output) {
        int size = comm.size();
        int rank = comm.rank();
        int[] lengths = {0, 1, size - 1, size + 1, 1000, 100_003};
        for (int length : lengths) {
            FloatBuffer data = direct(integers(rank, length));
            comm.allreduceSum(data);
            check(sum(size, length), data, "allreduce of " + length + " floats");
        }
        // Gradients in shared memory (ring-shm) are summed in place, from the start of the buffer or from a view
        comm.gradientBuffer(100_003).ifPresent(gradients -> {
            for (int length : lengths) {
                FloatBuffer part = gradients.slice(0, length);
                part.put(0, integers(rank, length));
                comm.allreduceSum(part);
                check(sum(size, length), part, "allreduce of " + length + " floats of the shared gradients");
            }
            output.accept("summed the shared gradients of rank " + rank);
        });

        int root = size - 1;
        FloatBuffer broadcast = FloatBuffer.wrap(integers(rank, 777));
        comm.broadcast(broadcast, root);
        check(integers(root, 777), broadcast, "broadcast from rank " + root);

        FloatBuffer gathered = FloatBuffer.allocate(rank == 0 ? 3 * size : 0);
        comm.gather(FloatBuffer.wrap(integers(rank, 3)), gathered, 0);
        if (rank == 0) {
            for (int peer = 0; peer < size; peer++) {
                check(integers(peer, 3), gathered.slice(3 * peer, 3), "gather of rank " + peer);
            }
        }

        comm.barrier();
        output.accept("checked rank " + rank + " of " + size);

        if (args.size() == 2 && args.get(0).equals("dump")) {
            FloatBuffer gaussian = direct(gaussians(rank, Integer.parseInt(args.get(1))));
            comm.allreduceSum(gaussian);
            if (rank == 0) {
                output.accept("sum " + Arrays.toString(contents(gaussian)));
            }
        }
    }

    /** Every rank's {@link #integers}, added up. */
    private static float[] sum(int ranks, int length) {
        float[] sum = new float[length];
        for (int peer = 0; peer < ranks; peer++) {
            float[] values = integers(peer, length);
            for (int i = 0; i < length; i++) {
                sum[i] += values[i];
            }
        }
        return sum;
    }

    static float[] integers(int rank, int length) {
        float[] values = new float[length];
        for (int i = 0; i < length; i++) {
            values[i] = (31 * (rank + 1) + 7 * i) % 97 - 48;
        }
        return values;
    }

    static float[] gaussians(int rank, int length) {
        Random random = new Random(rank);
        float[] values = new float[length];
        for (int i = 0; i < length; i++) {
            values[i] = (float) random.nextGaussian();
        }
        return values;
    }

    private static FloatBuffer direct(float[] values) {
        FloatBuffer buffer = ByteBuffer.allocateDirect(values.length * Float.BYTES).order(ByteOrder.nativeOrder())
                .asFloatBuffer();
        return buffer.put(0, values);
    }

    private static float[] contents(FloatBuffer buffer) {
        float[] values = new float[buffer.remaining()];
        buffer.get(buffer.position(), values);
        return values;
    }

    private static void check(float[] expected, FloatBuffer actual, String what) {
        float[] values = contents(actual);
        for (int i = 0; i < expected.length; i++) {
            if (values[i] != expected[i]) {
                throw new AssertionError(what + ": element " + i + " is " + values[i] + ", expected " + expected[i]);
            }
        }
    }
}
