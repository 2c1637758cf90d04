package org.scalelab.engine.strategies;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.scalelab.engine.config.TrainingOptions.*;

import java.net.InetAddress;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.scalelab.engine.config.ConfigException;
import org.scalelab.engine.config.Scaling;
import org.scalelab.engine.config.Strategy;
import org.scalelab.engine.config.TrainingConfig;
import org.scalelab.engine.parallel.launch.HostSlot;
import org.scalelab.engine.training.TrainingFixtures;

class CapacityTest {
    private static final long GIGABYTE = 1L << 30;
    private static final Capacity TWO_CORES = new Capacity(2, "core", OptionalLong.of(4 * GIGABYTE), Long.MAX_VALUE);

    private static TrainingConfig threads(int count) {
        return TrainingFixtures.config().with(STRATEGY, Strategy.THREADS).with(THREADS, count);
    }

    @Test
    void moreWorkersThanCoresIsOversubscribedButStarts() {
        assertFalse(TWO_CORES.oversubscribedBy(threads(2)));
        assertTrue(TWO_CORES.oversubscribedBy(threads(3)));
        assertTrue(TWO_CORES.oversubscribedBy(TrainingFixtures.config().with(STRATEGY, Strategy.HYBRID).with(PROCS, 2)
                .with(THREADS, 2)));
        assertDoesNotThrow(() -> TWO_CORES.check(TrainingFixtures.plan(threads(16))));
    }

    @Test
    void moreThanEightWorkersPerCoreIsRefusedWithTheFiguresAndTheOverride() {
        ConfigException e = assertThrows(ConfigException.class, () -> TWO_CORES.check(TrainingFixtures.plan(threads(17))));
        assertEquals("--threads 17: 17 workers on 2 cores is more than this run may ask (at most 8 per core, 16); "
                + "use fewer, or --allow-oversubscribe to start anyway", e.messageFor("--threads"));
        assertDoesNotThrow(() -> TWO_CORES.check(TrainingFixtures.plan(threads(17).with(ALLOW_OVERSUBSCRIBE, true))));
    }

    @Test
    void ranksAreCountedAgainstProcessesAndTheSlotsOfAHostsFile() throws Exception {
        TrainingConfig ranks = TrainingFixtures.config().with(STRATEGY, Strategy.MPJ).with(PROCS, 17);
        assertEquals(PROCS.key(), assertThrows(ConfigException.class,
                () -> TWO_CORES.check(TrainingFixtures.plan(ranks))).field());

        Capacity cluster = Capacity.of(List.of(HostSlot.resolve("127.0.0.1", 2), HostSlot.resolve("127.0.0.2", 1)));
        assertEquals(3, cluster.units());
        assertTrue(cluster.oversubscribedBy(ranks.with(PROCS, 4)));
        assertFalse(cluster.oversubscribedBy(ranks.with(PROCS, 3).with(THREADS, 4)), "threads live on the hosts");
        assertTrue(assertThrows(ConfigException.class, () -> cluster.check(TrainingFixtures.plan(ranks.with(PROCS, 25))))
                .getMessage().contains("25 ranks on 3 slots"));
        assertEquals(InetAddress.getByName("127.0.0.2"), HostSlot.resolve("127.0.0.2", 1).address());
    }

    @Test
    void moreMemoryThanIsAvailableIsRefused() {
        Capacity little = new Capacity(2, "core", OptionalLong.of(16 << 10), Long.MAX_VALUE);
        ConfigException e = assertThrows(ConfigException.class, () -> little.check(TrainingFixtures.plan(threads(2))));
        assertTrue(e.getMessage().matches("threads 2: the run needs about [\\d,]+ KB of memory but 16 KB is available; "
                + "use fewer, or --allow-oversubscribe to start anyway"), e.getMessage());

        Capacity smallJvm = new Capacity(2, "core", OptionalLong.of(4 * GIGABYTE), 16 << 10);
        assertTrue(assertThrows(ConfigException.class, () -> smallJvm.check(TrainingFixtures.plan(threads(2))))
                .getMessage().contains("but 16 KB is available to this JVM (its -Xmx sets that)"));
    }

    @Test
    void theMemoryEstimateGrowsWithWorkersAndCountsEveryRanksJvmAndDataset() {
        TrainingConfig weak = threads(1).with(SCALING, Scaling.WEAK).with(BATCH, 16);
        long one = Capacity.estimatedBytes(TrainingFixtures.plan(weak));
        assertEquals(4 * one, Capacity.estimatedBytes(TrainingFixtures.plan(weak.with(THREADS, 4))), "a replica per worker");
        long ranks = Capacity.estimatedBytes(TrainingFixtures.plan(TrainingFixtures.config().with(STRATEGY, Strategy.MPJ)
                .with(PROCS, 4)));
        assertTrue(ranks > 4 * Capacity.RANK_JVM_BYTES, "four JVMs and their data: " + ranks);
    }
}
