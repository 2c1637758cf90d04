package org.scalelab.engine.parallel.mpj;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.nd4j.linalg.factory.Nd4j;
import org.scalelab.engine.config.AllreduceAlgorithm;
import org.scalelab.engine.parallel.launch.MulticoreJob;
import org.scalelab.engine.parallel.launch.RankJob;
import org.scalelab.engine.parallel.launch.RankJobException;
import org.scalelab.engine.parallel.launch.RankJobSpec;

/** mpj-multicore: ranks as threads of this JVM on MPJ's smpdev, each in its own class loader. */
class SmpdevTest {
    private static final Duration LIMIT = RankJobs.LIMIT;

    @ParameterizedTest(name = "{0} ranks, {1}")
    @CsvSource({"1, BUILTIN", "1, RING", "2, BUILTIN", "2, RING", "3, BUILTIN", "3, RING", "4, BUILTIN", "4, RING"})
    void collectivesAreExactOnEveryRank(int ranks, AllreduceAlgorithm algorithm) throws InterruptedException {
        RankJobSpec spec = RankJobs.spec(CollectivesCheckTask.class, ranks).allreduce(algorithm).build();
        List<String> lines = RankJobs.outputOf(listener -> MulticoreJob.start(spec, listener));
        assertEquals(ranks, lines.size(), lines.toString());
    }

    @Test
    void ranksShareTheApplicationsNd4jAndItsNativeLibrary() throws InterruptedException {
        Nd4j.zeros(2); // the native library is loaded here, by the application's class loader, first
        RankJobSpec spec = RankJobs.spec(NdArrayTask.class, 2).build();
        for (String line : RankJobs.outputOf(listener -> MulticoreJob.start(spec, listener))) {
            assertTrue(line.endsWith("sum 3.0 30.0 nd4j-loader app task-loader smpdev-rank-" + line.charAt(0)), line);
        }
    }

    @Test
    void aRankThatThrowsFailsTheJobAndTheOthersAreInterrupted() {
        RankJob job = MulticoreJob.start(RankJobs.spec(FailingTask.class, 3).taskArgs("1").build(), (rank, line) -> { });
        String message = assertThrows(RankJobException.class, () -> job.await(LIMIT)).getMessage();
        assertEquals("rank 1 failed: java.lang.IllegalStateException: rank 1 " + FailingTask.MESSAGE, message);
        assertNoRankThreadAlive();
    }

    @Test
    void cancelStopsEveryRank() throws InterruptedException {
        CountDownLatch looping = new CountDownLatch(3);
        RankJob job = MulticoreJob.start(RankJobs.spec(LoopingTask.class, 3).build(), (rank, line) -> looping.countDown());
        assertTrue(looping.await(LIMIT.toSeconds(), TimeUnit.SECONDS));
        long cancelledAt = System.nanoTime();
        job.cancel();
        String message = assertThrows(RankJobException.class, () -> job.await(LIMIT)).getMessage();
        assertTrue(message.contains("cancelled"), message);
        assertTrue(System.nanoTime() - cancelledAt < Duration.ofSeconds(2).toNanos(), "took longer than 2 s");
        assertNoRankThreadAlive();
    }

    private static void assertNoRankThreadAlive() {
        assertTrue(Thread.getAllStackTraces().keySet().stream()
                .noneMatch(thread -> thread.getName().startsWith("smpdev-rank-")), "an smpdev rank thread is still alive");
    }
}
