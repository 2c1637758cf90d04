package org.scalelab.engine.cli;

import com.fasterxml.jackson.core.JacksonException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.scalelab.engine.events.Json;
import org.scalelab.engine.parallel.launch.ChildJvm;
import org.scalelab.engine.parallel.launch.NativeThreadEnvironment;

/**
 * Runs one {@link BenchWorker} measurement in a JVM of its own, started as the training JVM is (one OpenMP thread, so
 * libnd4j's own pools hold one), its measuring thread given the native thread count as an {@code intra-op} worker is
 * ({@link org.scalelab.engine.model.kernels.IntraOpThreads}): the JVM's other threads, the JIT's, start fresh for each
 * count. Reads the JSON result it prints last; the child's errors go to this process's stderr. Started with
 * {@code OMP_NUM_THREADS} at the thread count instead, two threads left {@code cnn-1m} at 0.94–1.01× of one where
 * training reached 1.44×.
 */
final class BenchChild {
    private BenchChild() {
    }

    /**
     * @param mode         {@link BenchWorker}'s first argument
     * @param warmupMillis how long a synthetic step warms up at least, beyond as many steps as are timed
     * @param progress     told what is being measured before the child starts
     */
    static <T> T measure(BenchWorker.Mode mode, String model, int batchSize, int steps, int threads, long warmupMillis,
                         Class<T> type, PrintWriter progress) throws IOException, InterruptedException {
        String what = model + " with " + threads + " native thread" + (threads == 1 ? "" : "s");
        progress.printf("Measuring %s%s…%n", what, mode == BenchWorker.Mode.LAYERS ? ", layer by layer" : "");
        progress.flush();
        List<String> args = new ArrayList<>(List.of(mode.name(), model, String.valueOf(batchSize), String.valueOf(steps),
                String.valueOf(threads), String.valueOf(warmupMillis)));
        Process child = ChildJvm.start(BenchWorker.class, args, NativeThreadEnvironment.forThreads(1));
        try {
            String last = null;
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    last = line;
                }
            }
            int exit = child.waitFor();
            if (exit != 0 || last == null) {
                throw new IllegalStateException("measuring " + what + " failed (child JVM exit code " + exit
                        + "; its errors are above)");
            }
            return Json.mapper().readValue(last, type);
        } catch (JacksonException e) {
            throw new IllegalStateException("measuring " + what + ": unexpected output from the child JVM", e);
        } finally {
            child.destroy();
        }
    }
}
