package org.scalelab.engine.bench;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.scalelab.engine.parallel.comm.Communicator;
import org.scalelab.engine.parallel.launch.RankTask;

/**
 * Times allreduce on every rank: {@code WARMUP REPEATS FLOATS...}. Each timed call starts right after a
 * barrier, so ranks start together and the time is the collective's, not the skew between ranks; a call
 * counts as long as its slowest rank took. Buffers are off-heap like a network's gradient buffer, and refilled
 * before every call so sums do not grow. Rank 0 prints one {@link AllreduceTiming} as a JSON line per size.
 */
public final class AllreduceBenchTask implements RankTask {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long MIN_WARMUP_NANOS = 500_000_000L;

    @Override
    public void run(Communicator comm, List<String> args, Consumer<String> output) throws JsonProcessingException {
        int warmup = Integer.parseInt(args.get(0));
        int repeats = Integer.parseInt(args.get(1));
        List<Integer> sizes = args.subList(2, args.size()).stream().map(Integer::parseInt).toList();
        // Where training keeps its gradients: in shared memory where the communicator has it, so that the sweep times
        // the allreduce training runs; each size is the start of it.
        int most = sizes.stream().mapToInt(Integer::intValue).max().orElse(0);
        FloatBuffer buffer = comm.gradientBuffer(most).orElseGet(() ->
                ByteBuffer.allocateDirect(most * Float.BYTES).order(ByteOrder.nativeOrder()).asFloatBuffer());
        for (int floats : sizes) {
            double median = medianMillis(comm, buffer.slice(0, floats), warmup, repeats);
            if (comm.rank() == 0) {
                output.accept(JSON.writeValueAsString(new AllreduceTiming(floats, comm.size(), median)));
            }
        }
    }

    static List<String> args(int warmup, int repeats, List<Integer> sizes) {
        return Stream.concat(Stream.of(warmup, repeats), sizes.stream()).map(String::valueOf).toList();
    }

    /** The median over calls of the slowest rank's time (meaningful on rank 0 only). */
    private static double medianMillis(Communicator comm, FloatBuffer data, int warmup, int repeats) {
        int floats = data.remaining();
        float[] values = new float[floats];
        Arrays.fill(values, 1f / comm.size());
        warmUp(comm, data, warmup);
        FloatBuffer myMillis = FloatBuffer.allocate(1);
        FloatBuffer everyonesMillis = FloatBuffer.allocate(comm.size());
        double[] slowest = new double[repeats];
        for (int call = 0; call < repeats; call++) {
            data.put(0, values);
            comm.barrier();
            long start = System.nanoTime();
            comm.allreduceSum(data);
            myMillis.put(0, (System.nanoTime() - start) / 1e6f);
            comm.gather(myMillis, everyonesMillis, 0);
            slowest[call] = max(everyonesMillis);
        }
        return Median.of(slowest);
    }

    /**
     * At least {@code calls} untimed calls and at least {@link #MIN_WARMUP_NANOS}: a count alone left the JIT
     * unfinished on a busy machine when calls are short (shared memory, small buffers). Rank 0 keeps the clock
     * and tells the others when to stop, so that every rank makes the same number of calls.
     */
    private static void warmUp(Communicator comm, FloatBuffer data, int calls) {
        FloatBuffer done = FloatBuffer.allocate(1);
        long start = System.nanoTime();
        for (int call = 1; done.get(0) == 0; call++) {
            comm.allreduceSum(data);
            if (call >= calls) {
                done.put(0, comm.rank() == 0 && System.nanoTime() - start >= MIN_WARMUP_NANOS ? 1 : 0);
                comm.broadcast(done, 0);
            }
        }
    }

    private static double max(FloatBuffer values) {
        double max = 0;
        for (int i = 0; i < values.capacity(); i++) {
            max = Math.max(max, values.get(i));
        }
        return max;
    }
}
