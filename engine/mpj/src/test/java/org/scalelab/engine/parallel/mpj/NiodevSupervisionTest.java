package org.scalelab.engine.parallel.mpj;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scalelab.engine.parallel.launch.ChildJvm;
import org.scalelab.engine.parallel.launch.HostFile;
import org.scalelab.engine.parallel.launch.HostSlot;
import org.scalelab.engine.parallel.launch.MpjInstallation;
import org.scalelab.engine.parallel.launch.MpjUnavailableException;
import org.scalelab.engine.parallel.launch.NiodevJob;
import org.scalelab.engine.parallel.launch.RankJobException;
import org.scalelab.engine.parallel.launch.RankJobSpec;

/** The supervision rules of {@link NiodevJob}, each checked with real ranks in child JVMs. */
class NiodevSupervisionTest {
    private static final Duration STARTED = Duration.ofSeconds(30);

    @Test
    void aKilledRankFailsTheJobAndTheOthersAreKilled() throws Exception {
        LoopingJob job = LoopingJob.start(3);
        ProcessHandle victim = job.niodev.processes().get(1);
        long killedAt = System.nanoTime();
        victim.destroyForcibly();

        String message = job.failure();
        assertTrue(System.nanoTime() - killedAt < Duration.ofSeconds(2).toNanos(), "took longer than 2 s");
        assertTrue(message.contains("rank 1 (pid " + victim.pid() + ") exited with status 137 (killed by SIGKILL)"), message);
        job.assertAllGone();
    }

    @Test
    void anExceptionInARankFailsTheJobWithItsMessage() throws Exception {
        String message = failureOf(RankJobs.spec(FailingTask.class, 3).taskArgs("2").build());
        assertTrue(message.matches("rank 2 \\(pid \\d+\\) exited with status 1: java.lang.IllegalStateException: rank 2 "
                + FailingTask.MESSAGE), message);
    }

    @Test
    void cancelStopsEveryRankWithinTwoSeconds() throws Exception {
        LoopingJob job = LoopingJob.start(2);
        long cancelledAt = System.nanoTime();
        job.niodev.cancel();

        assertTrue(job.failure().contains("cancelled"));
        assertTrue(System.nanoTime() - cancelledAt < Duration.ofSeconds(2).toNanos(), "took longer than 2 s");
        job.assertAllGone();
    }

    @Test
    void ranksExitByThemselvesWhenTheirParentIsKilled() throws Exception {
        Process parent = new ProcessBuilder(ChildJvm.javaBinary(),
                "-cp", System.getProperty("java.class.path"), OrphanedRanksParent.class.getName())
                .redirectErrorStream(true).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(parent.getInputStream()))) {
            String line = out.readLine();
            while (line != null && !line.startsWith("rank pids ")) {
                line = out.readLine();
            }
            assertTrue(line != null, "the parent ended before its ranks ran");
            List<ProcessHandle> ranks = Arrays.stream(line.substring("rank pids ".length()).split(" "))
                    .map(pid -> ProcessHandle.of(Long.parseLong(pid)).orElseThrow()).toList();

            parent.toHandle().destroyForcibly();
            assertTrue(parent.waitFor(5, TimeUnit.SECONDS));
            long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            while (ranks.stream().anyMatch(ProcessHandle::isAlive) && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertFalse(ranks.stream().anyMatch(ProcessHandle::isAlive), "orphaned ranks still alive after 5 s");
        } finally {
            parent.destroyForcibly();
        }
    }

    @Test
    void thePortExchangeListensOnLoopbackOnlyAndNobodyListensOnceRunning() throws Exception {
        LoopingJob job = LoopingJob.start(3);
        try {
            assertTrue(job.niodev.exchangeAddress().isLoopbackAddress(), job.niodev.exchangeAddress().toString());
            assertFalse(ListeningSockets.anyoneListensOn(job.niodev.exchangePort()), "the port exchange is still open");
            for (ProcessHandle rank : job.niodev.processes()) {
                assertEquals(List.of(), ListeningSockets.of(rank.pid()), "rank " + rank.pid() + " still listens");
            }
        } finally {
            job.niodev.cancel();
        }
    }

    @Test
    void ranksListenOnlyOnLoopbackFromTheirFirstMoment() throws Exception {
        Set<String> seen = ConcurrentHashMap.newKeySet();
        CountDownLatch looping = new CountDownLatch(3);
        NiodevJob job = NiodevJob.start(RankJobs.spec(LoopingTask.class, 3).build(), (rank, line) -> looping.countDown());
        try {
            // MPJ opens each rank's two ports inside MPI.Init and closes them after it: watch that whole time.
            while (looping.getCount() > 0) {
                for (ProcessHandle rank : job.processes()) {
                    try {
                        seen.addAll(ListeningSockets.of(rank.pid()));
                    } catch (IOException e) {
                        // The rank's descriptors changed while they were read: look again.
                    }
                }
                assertTrue(job.processes().stream().allMatch(ProcessHandle::isAlive), "a rank ended");
            }
        } finally {
            job.cancel();
        }
        assertFalse(seen.isEmpty(), "never saw MPJ's listening sockets");
        for (String socket : seen) {
            assertTrue(ListeningSockets.onLoopback(socket), "a rank listened on " + socket);
        }
    }

    @Test
    void twoJobsAtOnceDoNotCollide() throws Exception {
        RankJobSpec spec = RankJobs.spec(CollectivesCheckTask.class, 2).build();
        NiodevJob first = NiodevJob.start(spec, (rank, line) -> { });
        List<String> second = RankJobs.outputOf(listener -> NiodevJob.start(spec, listener));
        assertTrue(first.await(STARTED));
        assertEquals(2, second.size(), second.toString());
    }

    @Test
    void withoutMpjTheJobDoesNotStartAndSaysHowToInstallIt(@TempDir Path nowhere) {
        RankJobSpec spec = RankJobs.spec(CollectivesCheckTask.class, 2).build();
        MpjUnavailableException failure = assertThrows(MpjUnavailableException.class,
                () -> NiodevJob.start(spec, (rank, line) -> { }, MpjInstallation.at(nowhere)));
        assertTrue(failure.getMessage().contains("sudo apt-get install libmpj-java"), failure.getMessage());
    }

    @Test
    void aRankThatCannotStartFailsTheJobPromptly() throws Exception {
        String message = failureOf(RankJobs.spec(CollectivesCheckTask.class, 2).jvmOptions(List.of("-XX:+NoSuchOption")).build());
        assertTrue(message.contains("exited with status 1: Unrecognized VM option 'NoSuchOption'"), message);
    }

    @Test
    void ranksThatNeverReportFailTheJobAfterTheStartupTimeout() throws Exception {
        HostSlot unresponsive = new HostSlot("127.0.0.1", InetAddress.getLoopbackAddress(), 2, false);
        RankJobSpec spec = RankJobs.spec(CollectivesCheckTask.class, 2).hosts(List.of(unresponsive))
                .remoteShell(List.of("sh", "-c", "exec sleep 60", "remote-shell-that-hangs"))
                .startupTimeout(Duration.ofMillis(1500)).build();
        String message = failureOf(spec);
        assertTrue(message.contains("ranks [0, 1] did not report to the port exchange within 1.5 s"), message);
    }

    @Test
    void ranksOnHostsFromAHostsFileUseTheirAddresses(@TempDir Path dir) throws Exception {
        // Every 127.x.y.z address reaches this machine, so two "hosts" can be told apart without a second machine.
        Path hosts = Files.writeString(dir.resolve("hosts"), "# test hosts\nlocalhost 2\n127.0.0.2 slots=1\n");
        RankJobSpec spec = RankJobs.spec(CollectivesCheckTask.class, 4).hosts(HostFile.read(hosts)).build();
        List<String> lines = RankJobs.outputOf(listener -> NiodevJob.start(spec, listener));
        assertEquals(4, lines.size(), lines.toString());
    }

    @Test
    void ranksOnOtherHostsStartThroughTheRemoteShell(@TempDir Path dir) throws Exception {
        Path log = dir.resolve("remote-shell.log");
        Path fakeSsh = Files.writeString(dir.resolve("fake-ssh"),
                "#!/bin/sh\necho \"$1\" >> '" + log + "'\nexec sh -c \"$2\"\n");
        fakeSsh.toFile().setExecutable(true);
        HostSlot remote = new HostSlot("node-a", InetAddress.getLoopbackAddress(), 2, false);
        RankJobSpec spec = RankJobs.spec(CollectivesCheckTask.class, 2).hosts(List.of(remote))
                .remoteShell(List.of(fakeSsh.toString())).build();
        List<String> lines = RankJobs.outputOf(listener -> NiodevJob.start(spec, listener));
        assertEquals(2, lines.size(), lines.toString());
        assertEquals(List.of("node-a", "node-a"), Files.readAllLines(log));
    }

    /** Runs a job that must fail, checks that no rank is left, and returns the failure's message. */
    private static String failureOf(RankJobSpec spec) throws InterruptedException {
        NiodevJob job = NiodevJob.start(spec, (rank, line) -> { });
        String message = assertThrows(RankJobException.class, () -> job.await(STARTED)).getMessage();
        assertAllGone(job.processes());
        return message;
    }

    private static void assertAllGone(List<ProcessHandle> processes) {
        for (ProcessHandle process : processes) {
            assertFalse(process.isAlive(), "rank process " + process.pid() + " is still alive");
        }
    }

    /** A job of {@link LoopingTask} ranks, returned once every rank is past start-up. */
    private record LoopingJob(NiodevJob niodev) {

        static LoopingJob start(int ranks) throws InterruptedException {
            CountDownLatch looping = new CountDownLatch(ranks);
            NiodevJob job = NiodevJob.start(RankJobs.spec(LoopingTask.class, ranks).build(), (rank, line) -> looping.countDown());
            assertTrue(looping.await(STARTED.toSeconds(), TimeUnit.SECONDS), "the ranks did not start");
            return new LoopingJob(job);
        }

        String failure() {
            return assertThrows(RankJobException.class, () -> niodev.await(STARTED)).getMessage();
        }

        void assertAllGone() {
            NiodevSupervisionTest.assertAllGone(niodev.processes());
        }
    }
}
