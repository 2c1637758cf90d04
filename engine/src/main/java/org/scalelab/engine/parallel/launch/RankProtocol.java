package org.scalelab.engine.parallel.launch;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.scalelab.engine.config.AllreduceAlgorithm;

/**
 * What the launchers and the rank entry point (scalelab-mpj's RankMain) agree on: the application arguments
 * after MPJ's own, how a failing rank reports, and its exit status when it fails (one whose launcher is gone
 * exits with {@link ParentWatch#EXIT_PARENT_GONE}).
 */
public final class RankProtocol {
    /** The rank entry point, named and never linked: the engine builds without MPJ. */
    public static final String RANK_MAIN = "org.scalelab.engine.parallel.mpj.RankMain";
    /**
     * System property of a niodev rank's JVM: the address its listening sockets bind to, the one its peers reach
     * it at (loopback when every rank runs on this machine).
     */
    public static final String LISTEN_ADDRESS_PROPERTY = "scalelab.rank.listen";
    /** Starts the line of standard error where a failed rank says why; the launcher quotes it. */
    public static final String FAILURE_PREFIX = "scalelab-rank-failed: ";
    /** The rank threw (its message is on standard error). */
    public static final int EXIT_FAILED = 1;

    private RankProtocol() {
    }

    /**
     * What follows MPJ's arguments: {@code ALGORITHM OUTBOXES TASK-CLASS TASK-ARGS...}, where OUTBOXES is the
     * directory of the shared-memory ring's outboxes, or {@value #NO_OUTBOXES} when the algorithm needs none.
     */
    public record RankArguments(AllreduceAlgorithm allreduce, Optional<Path> outboxes, String taskClass,
            List<String> taskArgs) {
        private static final String NO_OUTBOXES = "-";

        static RankArguments of(RankJobSpec spec, Optional<SharedMemoryOutboxes> outboxes) {
            return new RankArguments(spec.allreduce(), outboxes.map(SharedMemoryOutboxes::directory), spec.taskClass(),
                    spec.taskArgs());
        }

        /** Reads what {@code MPI.Init} returns. */
        public static RankArguments parse(String[] applicationArgs) {
            if (applicationArgs.length < 3) {
                throw new IllegalArgumentException("expected ALGORITHM OUTBOXES TASK-CLASS [ARGS...] after MPJ's "
                        + "arguments, got " + List.of(applicationArgs));
            }
            Optional<Path> outboxes = applicationArgs[1].equals(NO_OUTBOXES) ? Optional.empty()
                    : Optional.of(Path.of(applicationArgs[1]));
            return new RankArguments(AllreduceAlgorithm.fromId(applicationArgs[0]), outboxes, applicationArgs[2],
                    List.of(applicationArgs).subList(3, applicationArgs.length));
        }

        List<String> toList() {
            List<String> args = new ArrayList<>();
            args.add(allreduce.id());
            args.add(outboxes.map(Path::toString).orElse(NO_OUTBOXES));
            args.add(taskClass);
            args.addAll(taskArgs);
            return args;
        }
    }
}
