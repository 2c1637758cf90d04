package org.scalelab.app.live;

import java.util.List;
import java.util.function.Function;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.chart.XYChart;
import javafx.util.Duration;
import org.scalelab.app.baseline.BaselineChoice;
import org.scalelab.app.replay.ReplaySpeed;
import org.scalelab.app.text.RunLabels;
import org.scalelab.engine.events.EpochCompleted;
import org.scalelab.engine.events.RanksFailed;
import org.scalelab.engine.events.RunEvent;
import org.scalelab.engine.events.RunFailed;
import org.scalelab.engine.events.RunFinished;
import org.scalelab.engine.events.RunListener;
import org.scalelab.engine.events.RunResumed;
import org.scalelab.engine.events.RunStarted;
import org.scalelab.engine.events.RunStatus;
import org.scalelab.engine.events.StepCompleted;
import org.scalelab.engine.events.UpdateStaleness;
import org.scalelab.engine.predict.MachineCalibration;
import org.scalelab.engine.predict.SpeedupCurve;
import org.scalelab.engine.runs.StalenessHistogram;
import org.scalelab.engine.runs.report.ChartBook;
import org.scalelab.engine.runs.report.RunCharting;
import org.scalelab.engine.runs.speedup.Baseline;

/**
 * The live view: one run's charts and its status line, fed by events from a training thread or a replay.
 * Events pass through an {@link EventPump}, so however fast they come the charts redraw a dozen times a second.
 */
public final class LiveRunViewModel {
    private final ChartBook charts = new ChartBook();
    private final EventPump<Offered> pump = new EventPump<>(this::applyBatch);
    /**
     * Counts the runs and replays begun. A run stopped for another goes on reporting until its current step ends,
     * and a fast replay leaves thousands of events queued: events that a listener of an earlier run or replay
     * hands in are dropped, or they ended the new one on screen with the old one's last event.
     */
    private volatile int generation;
    private final Function<RunStarted, List<Baseline>> baselines;
    private final BaselineChoice baseline = new BaselineChoice();
    private final ObjectProperty<LiveState> state = new SimpleObjectProperty<>(LiveState.IDLE);
    private final StringProperty title = new SimpleStringProperty("No run yet");
    private final StringProperty epoch = new SimpleStringProperty("");
    private final StringProperty step = new SimpleStringProperty("");
    private final StringProperty elapsed = new SimpleStringProperty("");
    private final StringProperty eta = new SimpleStringProperty("");
    private final StringProperty cpu = new SimpleStringProperty("");
    private final DoubleProperty progress = new SimpleDoubleProperty();
    private final StringProperty message = new SimpleStringProperty("");
    /** Ticks a live run's elapsed time from the moment Run was pressed: preparing and starting ranks take seconds. */
    private final Timeline wallClock = new Timeline(new KeyFrame(Duration.millis(250), tick -> showWallClock()));
    /** {@link System#nanoTime} when Run was pressed; 0 in a replay, whose times are the original run's. */
    private long pressedAt;
    /** Recorded seconds per second on screen: 1 live, the replay's speed in a replay. */
    private double playbackRate = 1;
    private final ObjectProperty<MachineCalibration> calibration = new SimpleObjectProperty<>();
    private RunCharting charting;
    private RunStarted started;
    private RunProgress runProgress;
    /** Asynchronous runs: updates per staleness so far, one bar each, and the same in words. */
    private StalenessHistogram staleness = new StalenessHistogram();
    private final ObservableList<XYChart.Data<String, Number>> stalenessBars = FXCollections.observableArrayList();
    private final BooleanProperty stalenessShown = new SimpleBooleanProperty();
    private final StringProperty stalenessSummary = new SimpleStringProperty("");

    /** @param baselines the saved serial runs a run may be measured against, its default first */
    public LiveRunViewModel(Function<RunStarted, List<Baseline>> baselines) {
        this.baselines = baselines;
        wallClock.setCycleCount(Animation.INDEFINITE);
        baseline.chosenProperty().addListener((property, before, now) -> {
            if (charting != null) {
                charts.update(() -> charting.measureAgainst(baseline.chosen()));
            }
        });
        calibration.addListener((property, before, now) -> charts.update(this::showPrediction));
    }

    /** This machine's calibration, if any: the speedup chart then shows the run's strategy as predicted. */
    public ObjectProperty<MachineCalibration> calibrationProperty() {
        return calibration;
    }

    private void showPrediction() {
        charts.clearPredictedSpeedup();
        if (started != null && calibration.get() != null) {
            SpeedupCurve.forRun(calibration.get(), started).ifPresent(curve -> charts.predictedSpeedup(0, curve.label(),
                    curve.workersAndSpeedup()));
        }
    }

    public ChartBook charts() {
        return charts;
    }

    /**
     * Where the training thread or replay of the run or replay last begun sends its events; thread-safe, never
     * blocks. Ask for it after {@link #begin}.
     */
    public RunListener listener() {
        int run = generation;
        return event -> pump.offer(new Offered(run, event));
    }

    /** Clears the view for a replay at {@code speed}, whose ETA then says when the replay ends. */
    public void beginReplay(ReplaySpeed speed) {
        begin(LiveState.REPLAYING);
        playbackRate = speed.factor();
    }

    /** Clears the view for a new run or replay and starts taking events. */
    public void begin(LiveState starting) {
        generation++;
        pump.clear();
        playbackRate = 1;
        charts.clear();
        charting = null;
        started = null;
        runProgress = null;
        clearStaleness();
        baseline.offer(List.of());
        state.set(starting);
        // Until the run's own start event names it, nothing on screen may still name the run before.
        title.set(starting.isReplay() ? "Replay" : "Starting a run…");
        message.set("");
        progress.set(0);
        List.of(epoch, step, elapsed, eta, cpu).forEach(text -> text.set(""));
        pressedAt = starting.isReplay() ? 0 : System.nanoTime();
        if (pressedAt != 0) {
            showWallClock();
            wallClock.play();
        } else {
            wallClock.stop();
        }
        pump.start();
    }

    /** The run could not start (invalid setup, missing dataset, unreadable architecture). */
    public void failedBeforeStart(String reason) {
        pump.stop();
        wallClock.stop();
        title.set("The run could not start");
        state.set(LiveState.FAILED);
        message.set(reason);
    }

    /** A replay held or let go by its Pause button: the status bar says which. */
    public void replayPaused(boolean paused) {
        if (state.get().isReplay()) {
            state.set(paused ? LiveState.PAUSED : LiveState.REPLAYING);
        }
    }

    /** Applies every event queued now (the pump does this by itself on the UI thread, a batch a frame). */
    public void flush() {
        pump.drainAll();
    }

    private void applyBatch(List<Offered> offered) {
        List<RunEvent> events = offered.stream().filter(event -> event.generation() == generation)
                .map(Offered::event).toList();
        charts.update(() -> events.forEach(this::applyEvent));
        if (runProgress != null) {
            epoch.set(runProgress.epochText());
            step.set(runProgress.stepText());
            if (pressedAt == 0) {
                elapsed.set(runProgress.elapsedText());
            }
            eta.set(runProgress.etaText(playbackRate));
            cpu.set(runProgress.cpuText());
            progress.set(runProgress.fraction());
        }
    }

    private void applyEvent(RunEvent event) {
        if (event instanceof RunStarted started) {
            charts.clear();
            charting = new RunCharting(charts.addRun(""));
            this.started = started;
            showPrediction();
            baseline.offer(baselines.apply(started));
            charting.measureAgainst(baseline.chosen());
            runProgress = RunProgress.started(started);
            clearStaleness();
            stalenessShown.set(started.config().parallelism().strategy().servingRanks() > 0);
            title.set(RunLabels.describe(started.config()));
            if (state.get() == LiveState.PREPARING) {
                var parallelism = started.config().parallelism();
                state.set(parallelism.strategy().launchesProcesses(parallelism.processes()) ? LiveState.STARTING_RANKS
                        : LiveState.RUNNING);
            }
        }
        if (charting == null) {
            return;
        }
        charting.accept(event);
        if (event instanceof StepCompleted completed) {
            runProgress = runProgress.after(completed);
            if (state.get() == LiveState.STARTING_RANKS) {
                state.set(LiveState.RUNNING);
            }
        } else if (event instanceof EpochCompleted completed) {
            runProgress = runProgress.after(completed);
        } else if (event instanceof UpdateStaleness || event instanceof RunResumed) {
            staleness.add(event);
            showStaleness();
        }
        if (event instanceof RanksFailed failed) {
            message.set(failed.describe());
        } else if (event instanceof RunResumed resumed) {
            // Said while the run goes on: what failed, and from where it restarted.
            message.set(message.get().isEmpty() ? resumed.describe() : message.get() + "; " + resumed.describe());
        } else if (event instanceof RunFinished) {
            end(LiveState.FINISHED, "");
        } else if (event instanceof RunFailed failed) {
            end(failed.status() == RunStatus.CANCELLED ? LiveState.CANCELLED : LiveState.FAILED, failed.message());
        }
    }

    private void clearStaleness() {
        staleness = new StalenessHistogram();
        stalenessBars.clear();
        stalenessSummary.set("");
        stalenessShown.set(false);
    }

    /** One bar per staleness from 0 to the largest seen, updated in place so that the chart does not rebuild. */
    private void showStaleness() {
        long[] counts = staleness.counts();
        if (stalenessBars.size() > counts.length) { // a resumed run trains the epochs after its checkpoint again
            stalenessBars.remove(counts.length, stalenessBars.size());
        }
        for (int bar = 0; bar < counts.length; bar++) {
            if (bar < stalenessBars.size()) {
                stalenessBars.get(bar).setYValue(counts[bar]);
            } else {
                stalenessBars.add(new XYChart.Data<String, Number>(String.valueOf(bar), counts[bar]));
            }
        }
        stalenessSummary.set(staleness.isEmpty() ? "" : staleness.describe());
    }

    private void end(LiveState finalState, String reason) {
        pump.stop();
        if (pressedAt != 0) {
            showWallClock();
            wallClock.stop();
        }
        state.set(finalState);
        message.set(reason);
    }

    private void showWallClock() {
        elapsed.set("Elapsed " + RunProgress.clock((System.nanoTime() - pressedAt) / 1e9));
    }

    /** What the run's speedup is measured against; changing the choice measures it again. */
    public BaselineChoice baseline() {
        return baseline;
    }

    public ObjectProperty<LiveState> stateProperty() {
        return state;
    }

    public StringProperty titleProperty() {
        return title;
    }

    public StringProperty epochProperty() {
        return epoch;
    }

    public StringProperty stepProperty() {
        return step;
    }

    public StringProperty elapsedProperty() {
        return elapsed;
    }

    public StringProperty etaProperty() {
        return eta;
    }

    /** The process's CPU usage over the last epoch, of all cores. */
    public StringProperty cpuProperty() {
        return cpu;
    }

    public DoubleProperty progressProperty() {
        return progress;
    }

    /** Asynchronous SGD's updates per staleness (0, 1, 2, …) so far: the bars of the staleness chart. */
    public ObservableList<XYChart.Data<String, Number>> stalenessBars() {
        return stalenessBars;
    }

    /** Whether the run has a parameter server whose updates' staleness is worth a chart. */
    public BooleanProperty stalenessShownProperty() {
        return stalenessShown;
    }

    /** The staleness so far in words: updates, mean, each staleness's share, refusals. */
    public StringProperty stalenessSummaryProperty() {
        return stalenessSummary;
    }

    /** Why the run failed or stopped; empty otherwise. */
    public StringProperty messageProperty() {
        return message;
    }

    /** An event, with the run or replay whose listener handed it in. */
    private record Offered(int generation, RunEvent event) {
    }
}
