package org.scalelab.engine.parallel.mpj;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.scalelab.engine.config.AllreduceAlgorithm;
import org.scalelab.engine.parallel.launch.HostSlot;
import org.scalelab.engine.parallel.launch.NiodevJob;
import org.scalelab.engine.parallel.launch.RankJobException;
import org.scalelab.engine.parallel.launch.RankJobSpec;
import org.scalelab.engine.parallel.launch.RankTask;

/**
 * The ring-shm allreduce with real niodev ranks: its outboxes exist only while the job runs, however it ends,
 * a rank killed while the others wait on shared memory still fails the job promptly, and it refuses ranks on
 * other machines. (That it sums correctly: {@link RingVersusBuiltinTest}.)
 */
class SharedMemoryRingTest {
    private static final Duration LIMIT = Duration.ofSeconds(30);
    private static final Path DEV_SHM = Path.of("/dev/shm");

    @Test
    void theOutboxesAreGoneOnceTheJobSucceeded() throws Exception {
        List<String> lines = RankJobs.outputOf(listener -> NiodevJob.start(ringShm(CollectivesCheckTask.class, 3)
                .build(), listener));
        assertEquals(6, lines.size(), lines.toString());
        for (int rank = 0; rank < 3; rank++) {
            assertTrue(lines.contains(rank + ": summed the shared gradients of rank " + rank), lines.toString());
        }
        assertEquals(List.of(), outboxDirectories());
    }

    @Test
    void aKilledRankFailsTheJobPromptlyAndTheOutboxesAreDeleted() throws Exception {
        CountDownLatch looping = new CountDownLatch(3);
        NiodevJob job = NiodevJob.start(ringShm(LoopingTask.class, 3).build(), (rank, line) -> looping.countDown());
        assertTrue(looping.await(LIMIT.toSeconds(), TimeUnit.SECONDS), "the ranks did not start");
        assertEquals(1, outboxDirectories().size(), "the running job's outboxes");
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(outboxDirectories().get(0))),
                "only the owner may read the gradients");

        ProcessHandle victim = job.processes().get(1);
        long killedAt = System.nanoTime();
        victim.destroyForcibly();
        String message = assertThrows(RankJobException.class, () -> job.await(LIMIT)).getMessage();

        assertTrue(System.nanoTime() - killedAt < Duration.ofSeconds(2).toNanos(), "took longer than 2 s");
        assertTrue(message.contains("rank 1 (pid " + victim.pid() + ") exited with status 137"), message);
        assertFalse(job.processes().stream().anyMatch(ProcessHandle::isAlive), "a rank survived");
        assertEquals(List.of(), outboxDirectories());
    }

    @Test
    void outboxesLeftByAKilledApplicationAreRemovedByTheNextJob() throws Exception {
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        Path leftover = Files.createDirectory(DEV_SHM.resolve("scalelab-ring-" + gone.pid() + "-test"));
        Files.write(leftover.resolve("rank-0"), new byte[128]);

        RankJobs.outputOf(listener -> NiodevJob.start(ringShm(CollectivesCheckTask.class, 2).build(), listener));
        assertFalse(Files.exists(leftover), "the dead application's outboxes are still there");
    }

    @Test
    void ranksOnAnotherMachineAreRefusedWithTheRemedy() {
        HostSlot remote = new HostSlot("node-a", InetAddress.getLoopbackAddress(), 2, false);
        RankJobSpec spec = ringShm(CollectivesCheckTask.class, 2).hosts(List.of(remote)).build();
        String message = assertThrows(RankJobException.class, () -> NiodevJob.start(spec, (rank, line) -> { }))
                .getMessage();
        assertTrue(message.contains("every rank must run here, but the hosts include node-a; use --allreduce ring"),
                message);
        assertEquals(List.of(), outboxDirectories());
    }

    private static RankJobSpec.Builder ringShm(Class<? extends RankTask> task, int ranks) {
        return RankJobs.spec(task, ranks).allreduce(AllreduceAlgorithm.RING_SHM);
    }

    /** This test JVM's outbox directories. */
    private static List<Path> outboxDirectories() {
        try (Stream<Path> found = Files.list(DEV_SHM)) {
            return found.filter(path -> path.getFileName().toString()
                    .startsWith("scalelab-ring-" + ProcessHandle.current().pid() + "-")).toList();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
