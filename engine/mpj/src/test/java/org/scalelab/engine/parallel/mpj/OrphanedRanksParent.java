package org.scalelab.engine.parallel.mpj;

import java.util.concurrent.CountDownLatch;
import java.util.stream.Collectors;
import org.scalelab.engine.parallel.launch.NiodevJob;

/**
 * A small launcher JVM for the test that kills a job's parent: starts two looping ranks, prints their process
 * ids, then waits for ever (until the test kills it with SIGKILL).
 */
public final class OrphanedRanksParent {
    private OrphanedRanksParent() {
    }

    public static void main(String[] args) throws InterruptedException {
        CountDownLatch looping = new CountDownLatch(2);
        NiodevJob job = NiodevJob.start(RankJobs.spec(LoopingTask.class, 2).build(), (rank, line) -> looping.countDown());
        looping.await();
        System.out.println("rank pids " + job.processes().stream().map(process -> Long.toString(process.pid()))
                .collect(Collectors.joining(" ")));
        job.await();
    }
}
