package org.scalelab.engine.parallel.launch;

import java.net.URLClassLoader;
import org.scalelab.engine.parallel.comm.SharedMemoryGroup;

/** Ranks as plain threads of this JVM summing in shared memory ({@link SharedMemoryGroup}); needs no MPJ. */
public final class ThreadsJob {
    private ThreadsJob() {
    }

    /** Starts {@code spec.ranks()} threads; the spec's allreduce algorithm and process settings do not apply. */
    public static RankJob start(RankJobSpec spec, RankOutputListener listener) {
        SharedMemoryGroup group = new SharedMemoryGroup(spec.ranks());
        URLClassLoader tasks = ClassPaths.loader("threads-tasks", spec.extraClassPath(), ThreadsJob.class.getClassLoader());
        return RankThreads.start("threads", spec.ranks(), rank -> Thread.currentThread().getThreadGroup(), rank -> {
            RankTask task = RankTask.instantiate(spec.taskClass(), tasks);
            task.run(group.communicator(rank), spec.taskArgs(), line -> listener.line(rank, line));
        }, group::abort, () -> ClassPaths.close(tasks));
    }
}
