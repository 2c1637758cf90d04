package org.scalelab.engine.parallel.mpj;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.scalelab.engine.config.AllreduceAlgorithm;
import org.scalelab.engine.parallel.launch.NiodevJob;
import org.scalelab.engine.parallel.launch.RankJobSpec;

class NiodevCollectivesTest {

    @ParameterizedTest(name = "{0} ranks, {1}")
    @CsvSource({"1, BUILTIN", "1, RING", "2, BUILTIN", "2, RING", "3, BUILTIN", "3, RING", "4, BUILTIN", "4, RING"})
    void collectivesAreExactOnEveryRank(int ranks, AllreduceAlgorithm algorithm) throws InterruptedException {
        RankJobSpec spec = RankJobs.spec(CollectivesCheckTask.class, ranks).allreduce(algorithm).build();
        List<String> lines = RankJobs.outputOf(listener -> NiodevJob.start(spec, listener));
        assertEquals(ranks, lines.stream().filter(line -> line.contains("checked rank")).count(), lines.toString());
    }
}
