package org.scalelab.engine.parallel.mpj;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.scalelab.engine.config.TrainingOptions.*;
import static org.scalelab.engine.training.StrategyEquivalence.assertSameWeights;
import static org.scalelab.engine.training.StrategyEquivalence.twentySteps;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.scalelab.engine.config.AllreduceAlgorithm;
import org.scalelab.engine.config.OptimizerKind;
import org.scalelab.engine.config.Strategy;
import org.scalelab.engine.config.TrainingConfig;
import org.scalelab.engine.events.EpochCompleted;
import org.scalelab.engine.events.Phase;
import org.scalelab.engine.events.RunEvent;
import org.scalelab.engine.events.RunFailed;
import org.scalelab.engine.events.RunListener;
import org.scalelab.engine.events.RunListeners;
import org.scalelab.engine.events.RunStarted;
import org.scalelab.engine.events.RunStatus;
import org.scalelab.engine.events.RunSummary;
import org.scalelab.engine.events.StepCompleted;
import org.scalelab.engine.events.StepTimeline;
import org.scalelab.engine.events.WorkerPhases;
import org.scalelab.engine.runs.RunRecord;
import org.scalelab.engine.runs.RunRecorder;
import org.scalelab.engine.runs.RunStore;
import org.scalelab.engine.strategies.Trainers;
import org.scalelab.engine.training.CancellationToken;
import org.scalelab.engine.training.RunPlan;
import org.scalelab.engine.training.StrategyEquivalence;

/** The strategies whose workers are MPJ Express ranks, trained for real: same weights as serial, and supervised. */
class MpjTrainingTest {
    @RegisterExtension
    static final StrategyEquivalence runs = new StrategyEquivalence();

    @ParameterizedTest
    @ValueSource(strings = {"mlp-235k", "tinycnn-8"})
    void everySynchronousStrategyReachesTheSerialWeights(String model) throws IOException {
        float[] serial = runs.weights(twentySteps(model));
        assertSameWeights(serial, runs.weights(twentySteps(model).with(STRATEGY, Strategy.MPJ).with(PROCS, 2)), "mpj 2");
        assertSameWeights(serial, runs.weights(twentySteps(model).with(STRATEGY, Strategy.MPJ).with(PROCS, 3)), "mpj 3");
        assertSameWeights(serial, runs.weights(twentySteps(model).with(STRATEGY, Strategy.HYBRID).with(PROCS, 2).with(THREADS, 2)
                ), "hybrid 2×2");
        assertSameWeights(serial, runs.weights(twentySteps(model).with(STRATEGY, Strategy.MPJ_MULTICORE).with(PROCS, 2)
                ), "mpj-multicore 2");
    }

    @Test
    void everyAllreduceAlgorithmAndParameterAveragingAcrossProcessesAgreeWithSerial() throws IOException {
        TrainingConfig sgd = twentySteps("mlp-235k").with(OPTIMIZER, OptimizerKind.SGD);
        float[] serial = runs.weights(sgd);
        assertSameWeights(serial, runs.weights(sgd.with(STRATEGY, Strategy.MPJ).with(PROCS, 2)
                .with(ALLREDUCE, AllreduceAlgorithm.BUILTIN)), "mpj 2, built-in");
        assertSameWeights(serial, runs.weights(sgd.with(STRATEGY, Strategy.MPJ).with(PROCS, 3)
                .with(ALLREDUCE, AllreduceAlgorithm.RING_SHM)), "mpj 3, ring over shared memory");
        assertSameWeights(serial, runs.weights(sgd.with(STRATEGY, Strategy.HYBRID).with(PROCS, 2).with(THREADS, 2)
                .with(ALLREDUCE, AllreduceAlgorithm.RING_SHM)), "hybrid 2×2, ring over shared memory");
        assertSameWeights(serial, runs.weights(sgd.with(STRATEGY, Strategy.PARAM_AVG).with(PROCS, 2).with(THREADS, 1)
                .with(ALLREDUCE, AllreduceAlgorithm.RING).with(AVERAGE_EVERY, 1)),
                "param-avg 2 processes, K = 1");
        assertSameWeights(serial, runs.weights(sgd.with(STRATEGY, Strategy.PARAM_AVG).with(PROCS, 2).with(THREADS, 2)
                .with(AVERAGE_EVERY, 1).with(VIA_MASTER, true)), "param-avg 2×2 via master, K = 1");
    }

    @Test
    void everyRanksWorkersReportTheirPhasesAndTheirTimelines() throws IOException {
        List<EpochCompleted> epochs = new ArrayList<>();
        java.util.Set<List<Integer>> timelines = java.util.concurrent.ConcurrentHashMap.newKeySet();
        runs.weights(twentySteps("mlp-235k").with(STRATEGY, Strategy.HYBRID).with(PROCS, 2).with(THREADS, 2), event -> {
            if (event instanceof EpochCompleted epoch) {
                epochs.add(epoch);
            } else if (event instanceof StepTimeline timeline && timeline.step() == 20) {
                timelines.add(List.of(timeline.process(), timeline.thread()));
            }
        });
        assertEquals(java.util.Set.of(List.of(0, 0), List.of(0, 1), List.of(1, 0), List.of(1, 1)), timelines,
                "each rank's two worker threads report their last step");
        EpochCompleted epoch = epochs.get(0);
        assertEquals(List.of(0, 1, 2, 3), epoch.phases().stream().map(WorkerPhases::worker).toList());
        for (WorkerPhases worker : epoch.phases()) {
            assertTrue(worker.seconds().get(Phase.COMMUNICATION) > 0, "communication of worker " + worker.worker());
            assertTrue(worker.seconds().get(Phase.BACKWARD) > 0, "backward of worker " + worker.worker());
        }
        assertEquals(20 * 64, epoch.images());
    }

    @Test
    void aKilledRankFailsTheRunWithinTwoSecondsAndLeavesNoRankAndAFailedRecord() throws Exception {
        Run run = Run.start(longRun(), runs.folder().resolve("killed"), null);
        ProcessHandle victim = run.ranks().get(1);
        long killedAt = System.nanoTime();
        victim.destroyForcibly();
        RunSummary summary = run.end();
        assertTrue(System.nanoTime() - killedAt < Duration.ofSeconds(2).toNanos(), "the run took over 2 s to fail");
        assertEquals(RunStatus.FAILED, summary.status());
        assertTrue(run.failure().contains("exited with status 137 (killed by SIGKILL)"), run.failure());
        assertTrue(run.failure().matches("(?s).*rank [01] \\(pid " + victim.pid() + "\\) exited.*"), run.failure());
        run.assertNoRankLeft();
        assertEquals(RunStatus.FAILED, run.record().status());
    }

    @Test
    void aStoppedRankFailsTheRunWithinItsTimeoutNamingItAndLeavesNoRankAndAFailedRecord() throws Exception {
        int timeout = 3;
        Run run = Run.start(longRun().with(RANK_TIMEOUT, timeout), runs.folder().resolve("stopped"), null);
        ProcessHandle victim = run.ranks().get(1);
        long stoppedAt = System.nanoTime();
        Signals.send("STOP", victim);
        RunSummary summary = run.end();
        double detected = (System.nanoTime() - stoppedAt) / 1e9;

        assertEquals(RunStatus.FAILED, summary.status());
        assertTrue(detected < timeout + 2.0, "took " + detected + " s to fail, the timeout is " + timeout + " s");
        assertTrue(run.failure().matches("rank [01] \\(pid " + victim.pid() + " on 127\\.0\\.0\\.1\\) has sent nothing "
                + "for 3\\.\\d s \\(limit --rank-timeout 3 s\\): stopped, hung or cut off; its last completed step was "
                + "\\d+"), run.failure());
        run.assertNoRankLeft();
        RunRecord record = run.record();
        assertEquals(RunStatus.FAILED, record.status());
        assertTrue(record.events().stream().filter(StepCompleted.class::isInstance).count() >= 10,
                "the record keeps the steps done");
    }

    @Test
    void anExceptionInARankFailsTheRunWithItsMessage() throws Exception {
        Path occupied = Files.writeString(runs.folder().resolve("occupied"), "a file, not a folder");
        TrainingConfig config = twentySteps("mlp-235k").with(STRATEGY, Strategy.MPJ).with(PROCS, 2);
        RunPlan plan = RunPlan.prepare(config, runs.catalog()).savingWeightsTo(occupied.resolve("weights.bin"));
        List<RunEvent> events = new ArrayList<>();
        RunSummary summary = Trainers.forConfig(config, runs.catalog()).train(plan, events::add, new CancellationToken());
        assertEquals(RunStatus.FAILED, summary.status());
        RunFailed failed = assertInstanceOf(RunFailed.class, events.get(events.size() - 1));
        assertTrue(failed.message().contains("rank 0"), failed.message());
        assertTrue(failed.message().contains("cannot save the trained weights to " + occupied.resolve("weights.bin")),
                failed.message());
    }

    @Test
    void cancellingStopsEveryRankWithinTwoSecondsAndTheRecordSaysCancelled() throws Exception {
        CancellationToken cancellation = new CancellationToken();
        Run run = Run.start(longRun(), runs.folder().resolve("cancelled"), cancellation);
        long cancelledAt = System.nanoTime();
        cancellation.cancel();
        RunSummary summary = run.end();
        assertEquals(RunStatus.CANCELLED, summary.status());
        run.assertNoRankLeft();
        assertTrue(System.nanoTime() - cancelledAt < Duration.ofSeconds(2).toNanos(), "ranks outlived the cancel by 2 s");
        assertEquals(RunStatus.CANCELLED, run.record().status());
    }

    @Test
    void aRunCancelledWhileItsRanksStartEndsCancelledWithNoRankLeft() {
        CancellationToken cancellation = new CancellationToken();
        List<RunEvent> events = new ArrayList<>();
        RunListener cancelAtOnce = event -> {
            events.add(event);
            if (event instanceof RunStarted) {
                cancellation.cancel();
            }
        };
        RunSummary summary = Trainers.forConfig(longRun(), runs.catalog()).train(RunPlan.prepare(longRun(), runs.catalog()),
                cancelAtOnce, cancellation);
        assertEquals(RunStatus.CANCELLED, summary.status());
        assertEquals(0, summary.epochs());
        assertEquals(RunStatus.CANCELLED, ((RunFailed) events.get(events.size() - 1)).status());
        assertEquals(List.of(), Run.rankProcesses().stream().map(ProcessHandle::pid).toList());
    }

    @Test
    void aDivergingRunOnRanksEndsFailedAtTheStepItDiverged() {
        TrainingConfig config = twentySteps("mlp-235k").with(STRATEGY, Strategy.MPJ).with(PROCS, 2).with(LR, 1e30);
        List<RunEvent> events = new ArrayList<>();
        RunSummary summary = Trainers.forConfig(config, runs.catalog()).train(RunPlan.prepare(config, runs.catalog()),
                events::add, new CancellationToken());
        assertEquals(RunStatus.FAILED, summary.status());
        String message = ((RunFailed) events.get(events.size() - 1)).message();
        assertTrue(message.startsWith("diverged at step "), message);
        assertEquals(List.of(), Run.rankProcesses().stream().map(ProcessHandle::pid).toList());
    }

    @Test
    void twoRunsAtOnceDoNotCollide() throws Exception {
        TrainingConfig config = twentySteps("mlp-235k").with(STRATEGY, Strategy.MPJ).with(PROCS, 2);
        CompletableFuture<float[]> first = CompletableFuture.supplyAsync(() -> weightsOf(config));
        CompletableFuture<float[]> second = CompletableFuture.supplyAsync(() -> weightsOf(config));
        assertSameWeights(first.get(120, TimeUnit.SECONDS), second.get(120, TimeUnit.SECONDS), "two runs at once");
    }

    @Test
    void aHostFileNamingThisMachineRunsTheRanksHere() throws IOException {
        Path hosts = Files.writeString(runs.folder().resolve("hosts"),
                "# two names for this machine\nlocalhost slots=1\n127.0.0.1\n");
        float[] serial = runs.weights(twentySteps("mlp-235k"));
        assertSameWeights(serial, runs.weights(twentySteps("mlp-235k").with(STRATEGY, Strategy.MPJ).with(PROCS, 2)
                .with(HOSTS, hosts.toString())), "mpj 2 over a host file");
    }

    private static float[] weightsOf(TrainingConfig config) {
        try {
            return runs.weights(config);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Long enough to be stopped part way: full epochs of the embedded digits. */
    private static TrainingConfig longRun() {
        return twentySteps("mlp-235k").with(STEPS_PER_EPOCH, 0).with(EPOCHS, 20).with(STRATEGY, Strategy.MPJ).with(PROCS, 2);
    }

    /** A run in the background, recorded to a store, its ranks found once it has taken some steps. */
    private record Run(CompletableFuture<RunSummary> summary, List<RunEvent> events, RunStore store,
                       List<ProcessHandle> ranks) {

        static Run start(TrainingConfig config, Path runsDir, CancellationToken cancellation) throws Exception {
            List<RunEvent> events = Collections.synchronizedList(new ArrayList<>());
            RunStore store = new RunStore(runsDir);
            CancellationToken token = cancellation != null ? cancellation : new CancellationToken();
            RunRecorder recorder = new RunRecorder(store, token::abort);
            CompletableFuture<Void> stepping = new CompletableFuture<>();
            RunListener listener = RunListeners.fanOut(recorder, events::add, event -> {
                if (event instanceof StepCompleted step && step.globalStep() == 10) {
                    stepping.complete(null);
                }
            });
            CompletableFuture<RunSummary> summary = CompletableFuture.supplyAsync(() -> Trainers.forConfig(config,
                    runs.catalog()).train(RunPlan.prepare(config, runs.catalog()), listener, token));
            summary.whenComplete((result, failure) -> stepping.completeExceptionally(new AssertionError(
                    "the run ended before its tenth step: " + (failure != null ? failure : events.get(events.size() - 1)))));
            stepping.get(60, TimeUnit.SECONDS);
            return new Run(summary, events, store, rankProcesses());
        }

        static List<ProcessHandle> rankProcesses() {
            return ProcessHandle.current().descendants()
                    .filter(process -> process.info().commandLine().orElse("").contains(RankMain.class.getName()))
                    .toList();
        }

        RunSummary end() throws Exception {
            return summary.get(30, TimeUnit.SECONDS);
        }

        String failure() {
            return ((RunFailed) events.get(events.size() - 1)).message();
        }

        void assertNoRankLeft() {
            assertEquals(2, ranks.size(), "the run should have had two rank processes");
            for (ProcessHandle rank : ranks) {
                assertTrue(!rank.isAlive(), "rank process " + rank.pid() + " is still alive");
            }
            assertEquals(List.of(), rankProcesses().stream().map(ProcessHandle::pid).toList());
        }

        RunRecord record() throws Exception {
            return store.load(end().runId());
        }
    }
}
