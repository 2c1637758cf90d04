package org.scalelab.engine.events;

import java.util.List;
import java.util.Map;
import org.scalelab.engine.provenance.EnvironmentInfo;
import org.scalelab.engine.provenance.Provenance;
import org.scalelab.engine.training.TrainingFixtures;

/** One realistic event of each type. */
public final class EventSamples {
    private EventSamples() {
    }

    public static final EnvironmentInfo ENVIRONMENT = new EnvironmentInfo("AMD EPYC 9R14", 2, "Linux 6.1 amd64",
            "Debian OpenJDK 64-Bit Server VM 17.0.15", "CPU", "linux-x86_64-onednn", "OPENBLAS", 1, "1", "box");

    public static final Provenance PROVENANCE = new Provenance("0.1.0", "6404891617f7648087ec7f85559d6f1177a337e8",
            "sha256:99f906224b8ac87fb402c042188cbea70e170035da8a93de53e7d243fb9ef130");

    public static RunStarted started(String runId) {
        return new RunStarted(runId, "2025-06-01T15:30:12Z", TrainingFixtures.config(),
                TrainingFixtures.tinyMlp(), 1128, TrainingFixtures.quadrants(4, 2).info(), 100, 40, ENVIRONMENT,
                PROVENANCE, true);
    }

    public static StepCompleted step() {
        return new StepCompleted(2, 4, 8, 0.6931, 0.75, 4, 1.25);
    }

    public static EpochCompleted epoch(int epoch) {
        Map<Phase, Double> seconds = Map.of(Phase.DATA, 0.1, Phase.FORWARD, 0.4, Phase.BACKWARD, 0.5,
                Phase.COMMUNICATION, 0.0, Phase.UPDATE, 0.05, Phase.EVALUATION, 0.2, Phase.IDLE, 0.0);
        return new EpochCompleted(epoch, 0.01, 0.52, 0.81, 0.44, 0.86, 100, 1.05, 1.25, 0.48,
                List.of(new WorkerPhases(0, seconds)));
    }

    public static RunSummary summary(String runId, RunStatus status) {
        return RunSummary.of(runId, status, List.of(epoch(1), epoch(2)));
    }

    public static List<RunEvent> all() {
        return List.of(started("r1"), step(), epoch(1), new RunFinished(summary("r1", RunStatus.FINISHED)),
                new RunFailed(RunStatus.CANCELLED, "cancelled after 2 of 3 epochs", summary("r1", RunStatus.CANCELLED)),
                new RunFailed(RunStatus.FAILED, "line one\nline two", RunSummary.of("r1", RunStatus.FAILED, List.of())));
    }
}
