package org.scalelab.engine.parallel.mpj;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.scalelab.engine.bench.ScalingBenchmark;
import org.scalelab.engine.bench.ScalingCase;
import org.scalelab.engine.bench.ScalingResult;
import org.scalelab.engine.config.Scaling;
import org.scalelab.engine.config.Strategy;
import org.scalelab.engine.data.DatasetCatalog;
import org.scalelab.engine.events.Phase;
import org.scalelab.engine.training.CancellationToken;

/** {@code bench scaling} with real ranks: the MPJ strategies are measured like the in-JVM ones. */
class ScalingBenchmarkWithRanksTest {

    @Test
    void ranksReportTheirCommunicationAndIdlePerStep() {
        var benchmark = new ScalingBenchmark(new DatasetCatalog(), what -> { }, new CancellationToken());
        List<ScalingResult> results = benchmark.run(new ScalingBenchmark.Settings(List.of("mlp-235k"),
                List.of(ScalingCase.of(Strategy.MPJ, 2), ScalingCase.of(Strategy.MPJ_MULTICORE, 2)), null, 64,
                Scaling.STRONG, 4, 1, 1));

        assertEquals(4, results.size(), "serial, the two cases, serial again");
        for (ScalingResult ranks : results.subList(1, 3)) {
            assertTrue(ranks.failure().isEmpty(), ranks.toString());
            assertEquals(2, ranks.scalingCase().processes());
            assertTrue(ranks.imagesPerSecond() > 0, ranks.toString());
            assertTrue(ranks.msPerStep().get(Phase.COMMUNICATION) > 0, "two ranks allreduce every step: " + ranks);
            assertTrue(ranks.msPerStep().get(Phase.BACKWARD) > 0, ranks.toString());
        }
    }
}
