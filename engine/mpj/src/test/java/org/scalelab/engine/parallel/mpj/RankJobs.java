package org.scalelab.engine.parallel.mpj;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.scalelab.engine.parallel.launch.RankJobSpec;
import org.scalelab.engine.parallel.launch.RankTask;

/** Test helpers for jobs whose task classes live in this module's test classes. */
final class RankJobs {
    private RankJobs() {
    }

    /** A spec whose ranks can load the tests' own task classes. */
    static RankJobSpec.Builder spec(Class<? extends RankTask> task, int ranks) {
        return RankJobSpec.builder(task, ranks).extraClassPath(List.of(testClasses()));
    }

    static Path testClasses() {
        try {
            return Path.of(RankJobs.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Collects the lines ranks print, each prefixed with its rank, in arrival order. */
    static final class Lines {
        private final List<String> lines = Collections.synchronizedList(new ArrayList<>());

        void add(int rank, String line) {
            lines.add(rank + ": " + line);
        }

        List<String> all() {
            synchronized (lines) {
                return List.copyOf(lines);
            }
        }
    }
}
