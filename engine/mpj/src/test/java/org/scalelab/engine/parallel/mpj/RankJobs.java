package org.scalelab.engine.parallel.mpj;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Function;
import org.scalelab.engine.parallel.launch.RankJob;
import org.scalelab.engine.parallel.launch.RankJobSpec;
import org.scalelab.engine.parallel.launch.RankOutputListener;
import org.scalelab.engine.parallel.launch.RankTask;

/** Test helpers for jobs whose task classes live in this module's test classes. */
final class RankJobs {
    static final Duration LIMIT = Duration.ofSeconds(60);

    private RankJobs() {
    }

    /** A spec whose ranks can load the tests' own task classes. */
    static RankJobSpec.Builder spec(Class<? extends RankTask> task, int ranks) {
        return RankJobSpec.builder(task, ranks).extraClassPath(List.of(testClasses()));
    }

    /**
     * Starts a job, waits for it to succeed, and returns what its ranks printed, each line prefixed with its
     * rank ("2: text"), in arrival order.
     */
    static List<String> outputOf(Function<RankOutputListener, RankJob> start) throws InterruptedException {
        List<String> lines = Collections.synchronizedList(new ArrayList<>());
        assertTrue(start.apply((rank, line) -> lines.add(rank + ": " + line)).await(LIMIT), "the job did not finish");
        synchronized (lines) {
            return List.copyOf(lines);
        }
    }

    static Path testClasses() {
        try {
            return Path.of(RankJobs.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
