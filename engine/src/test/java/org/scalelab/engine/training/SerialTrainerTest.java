package org.scalelab.engine.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.scalelab.engine.config.TrainingOptions.*;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.scalelab.engine.config.ConfigException;
import org.scalelab.engine.config.TrainingConfig;
import org.scalelab.engine.data.DatasetCatalog;
import org.scalelab.engine.events.EpochCompleted;
import org.scalelab.engine.events.Phase;
import org.scalelab.engine.events.RunEvent;
import org.scalelab.engine.events.RunFailed;
import org.scalelab.engine.events.RunFinished;
import org.scalelab.engine.events.RunStarted;
import org.scalelab.engine.events.RunStatus;
import org.scalelab.engine.events.RunSummary;
import org.scalelab.engine.events.StepCompleted;
import org.scalelab.engine.events.WorkerPhases;
import org.scalelab.engine.model.Architecture;
import org.scalelab.engine.model.SampleShape;
import org.scalelab.engine.model.spec.DenseSpec;
import org.scalelab.engine.model.spec.FlattenSpec;
import org.scalelab.engine.parallel.launch.RankJobException;
import org.scalelab.engine.provenance.EnvironmentInfo;
import org.scalelab.engine.strategies.InProcessTrainer;
import org.scalelab.engine.strategies.RunLifecycle;

class SerialTrainerTest {

    private static RecordingListener train(TrainingConfig config, CancellationToken cancellation) {
        RecordingListener listener = new RecordingListener();
        new InProcessTrainer().train(TrainingFixtures.plan(config), listener, cancellation);
        return listener;
    }

    @Test
    void sameSeedGivesIdenticalLosses() {
        TrainingConfig config = TrainingFixtures.config().with(AUGMENT, true);
        List<Double> first = train(config, new CancellationToken()).events(StepCompleted.class).stream()
                .map(StepCompleted::loss).toList();
        List<Double> second = train(config, new CancellationToken()).events(StepCompleted.class).stream()
                .map(StepCompleted::loss).toList();
        assertEquals(first, second);
        List<Double> otherSeed = train(config.with(SEED, 2L), new CancellationToken())
                .events(StepCompleted.class).stream().map(StepCompleted::loss).toList();
        assertTrue(!first.equals(otherSeed), "a different seed should give a different run");
    }

    @Test
    void emitsTheRunInOrderAndLearns() {
        RecordingListener listener = train(TrainingFixtures.config(), new CancellationToken());
        List<RunEvent> events = listener.events();
        RunStarted started = assertInstanceOf(RunStarted.class, events.get(0));
        assertEquals(16 * 64 + 16 + 4 * 16 + 4, started.parameterCount());
        assertEquals(100, started.trainImages());
        RunFinished finished = assertInstanceOf(RunFinished.class, events.get(events.size() - 1));
        assertEquals(RunStatus.FINISHED, finished.summary().status());
        assertEquals(3, finished.summary().epochs());

        // 100 images in batches of 32: three full steps and a last one of 4, which is used, not dropped.
        List<StepCompleted> steps = listener.events(StepCompleted.class);
        assertEquals(12, steps.size());
        assertEquals(List.of(32, 32, 32, 4), steps.subList(0, 4).stream().map(StepCompleted::images).toList());
        assertEquals(12, steps.get(11).globalStep());

        List<EpochCompleted> epochs = listener.events(EpochCompleted.class);
        assertEquals(100, epochs.get(0).images());
        assertTrue(epochs.get(2).testAccuracy() > 0.9, "test accuracy " + epochs.get(2).testAccuracy());
        assertEquals(epochs.get(2).testAccuracy(), finished.summary().testAccuracy());
    }

    @Test
    void timesEveryPhaseAndLeavesCommunicationAndIdleAtZero() {
        EpochCompleted epoch = train(TrainingFixtures.config().with(EPOCHS, 1), new CancellationToken())
                .events(EpochCompleted.class).get(0);
        WorkerPhases worker = epoch.phases().get(0);
        assertEquals(1, epoch.phases().size());
        assertEquals(List.of(Phase.values()), List.copyOf(worker.seconds().keySet()));
        for (Phase phase : List.of(Phase.DATA, Phase.FORWARD, Phase.BACKWARD, Phase.UPDATE, Phase.EVALUATION)) {
            assertTrue(worker.seconds().get(phase) > 0, phase + " was not timed");
        }
        assertEquals(0.0, worker.seconds().get(Phase.COMMUNICATION));
        assertEquals(0.0, worker.seconds().get(Phase.IDLE));
        assertEquals(epoch.epochSeconds(), worker.total(), epoch.epochSeconds() * 0.05);
        assertEquals(epoch.trainSeconds(), epoch.epochSeconds() - worker.seconds().get(Phase.EVALUATION), 1e-9);
        // A millisecond epoch is too short to measure CPU time on (see CpuMeter).
        assertTrue(Double.isNaN(epoch.cpuUsage()) || epoch.cpuUsage() >= 0 && epoch.cpuUsage() <= 1, "cpu " + epoch.cpuUsage());
    }

    @Test
    void cancellingStopsWithinAStepAndKeepsTheCompletedEpochs() {
        CancellationToken cancellation = new CancellationToken();
        RecordingListener listener = new RecordingListener();
        RunSummary summary = new InProcessTrainer().train(TrainingFixtures.plan(TrainingFixtures.config()),
                event -> {
                    listener.onEvent(event);
                    if (event instanceof StepCompleted step && step.globalStep() == 6) {
                        cancellation.cancel();
                    }
                }, cancellation);
        assertEquals(RunStatus.CANCELLED, summary.status());
        assertEquals(1, summary.epochs());
        assertEquals(6, listener.events(StepCompleted.class).size());
        RunFailed last = assertInstanceOf(RunFailed.class, listener.events().get(listener.events().size() - 1));
        assertEquals(RunStatus.CANCELLED, last.status());
        assertEquals("cancelled after 1 of 3 epochs", last.message());
    }

    @Test
    void aListenerThatThrowsDoesNotStopTraining() {
        RunSummary summary = new InProcessTrainer().train(TrainingFixtures.plan(TrainingFixtures.config().with(EPOCHS, 1)),
                event -> {
                    throw new IllegalStateException("broken console");
                }, new CancellationToken());
        assertEquals(RunStatus.FINISHED, summary.status());
    }

    @Test
    void aFailureEndsTheRunAsFailedWithTheReason() {
        RecordingListener listener = new RecordingListener();
        RunSummary summary = RunLifecycle.run(TrainingFixtures.plan(TrainingFixtures.config()), listener,
                new CancellationToken(), events -> epoch -> {
                    throw new IllegalStateException("native allocation failed");
                });
        assertEquals(RunStatus.FAILED, summary.status());
        RunFailed failed = assertInstanceOf(RunFailed.class, listener.events().get(listener.events().size() - 1));
        assertTrue(failed.message().startsWith("run test-run failed unexpectedly: IllegalStateException: native "
                + "allocation failed (a fault of ScaleLab's; the details are in "), failed.message());
        assertInstanceOf(RunStarted.class, listener.events().get(0));
    }

    @Test
    void anExplainedFailureIsReportedInItsOwnWords() {
        RecordingListener listener = new RecordingListener();
        RunLifecycle.run(TrainingFixtures.plan(TrainingFixtures.config()), listener, new CancellationToken(),
                events -> epoch -> {
                    throw new RankJobException("rank 1 (pid 42) exited with status 137 (killed by SIGKILL)");
                });
        RunFailed failed = assertInstanceOf(RunFailed.class, listener.events().get(listener.events().size() - 1));
        assertEquals("rank 1 (pid 42) exited with status 137 (killed by SIGKILL)", failed.message());
    }

    @Test
    void rejectsAModelThatDoesNotFitTheDataset() {
        Architecture colour = new Architecture("cnn-1m", SampleShape.image(3, 32, 32),
                List.of(new FlattenSpec(), new DenseSpec(10)));
        var mnistMini = new DatasetCatalog().load("mnist-mini");
        ConfigException e = assertThrows(ConfigException.class, () -> new RunPlan("x", TrainingConfig.defaults(),
                colour, mnistMini, EnvironmentInfo.current()));
        assertEquals("model cnn-1m: expects 3×32×32 images but mnist-mini has 1×28×28", e.getMessage());

        Architecture fourClasses = new Architecture("four", SampleShape.image(1, 28, 28),
                List.of(new FlattenSpec(), new DenseSpec(4)));
        e = assertThrows(ConfigException.class, () -> new RunPlan("x", TrainingConfig.defaults(), fourClasses,
                mnistMini, EnvironmentInfo.current()));
        assertEquals("model four: has 4 outputs but mnist-mini has 10 classes", e.getMessage());
    }
}
