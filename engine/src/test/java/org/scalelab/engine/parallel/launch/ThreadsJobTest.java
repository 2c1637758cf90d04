package org.scalelab.engine.parallel.launch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class ThreadsJobTest {
    private static final Duration LIMIT = Duration.ofSeconds(20);

    @Test
    void everyRankRunsTheTaskOnTheSharedMemoryCommunicator() throws Exception {
        List<String> lines = Collections.synchronizedList(new ArrayList<>());
        RankJob job = ThreadsJob.start(RankJobSpec.builder(SumOfRanksTask.class, 4).build(),
                (rank, line) -> lines.add(rank + " " + line));
        assertTrue(job.await(LIMIT));
        assertEquals(List.of("0 sum 10.0", "1 sum 10.0", "2 sum 10.0", "3 sum 10.0"), lines.stream().sorted().toList());
    }

    @Test
    void aRankThatThrowsFailsTheJobAndReleasesTheOthers() {
        RankJob job = ThreadsJob.start(RankJobSpec.builder(SumOfRanksTask.class, 3).taskArgs("fail-on", "1").build(),
                (rank, line) -> { });
        String message = assertThrows(RankJobException.class, () -> job.await(LIMIT)).getMessage();
        assertEquals("rank 1 failed: java.lang.IllegalStateException: rank 1 refuses", message);
    }

    @Test
    void aTaskThatIsNotARankTaskIsReported() {
        RankJob job = ThreadsJob.start(RankJobSpec.builder(String.class.getName(), 1).build(), (rank, line) -> { });
        String message = assertThrows(RankJobException.class, () -> job.await(LIMIT)).getMessage();
        assertTrue(message.contains("java.lang.String does not implement " + RankTask.class.getName()), message);
    }
}
