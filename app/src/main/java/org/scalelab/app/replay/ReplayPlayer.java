package org.scalelab.app.replay;

import java.util.List;
import java.util.concurrent.Executor;
import org.scalelab.engine.events.EpochCompleted;
import org.scalelab.engine.events.RunEvent;
import org.scalelab.engine.events.RunListener;
import org.scalelab.engine.events.StepCompleted;

/**
 * Plays a saved run's events back at the pace they were recorded (or faster) into the same listener a live run
 * feeds, so a replay looks like the run did. It can be paused; paused time does not count against the pace.
 */
public final class ReplayPlayer {
    private static final long TICK_MILLIS = 20;

    private final Executor background;
    private volatile Playback current = new Playback();

    public ReplayPlayer(Executor background) {
        this.background = background;
    }

    /** Starts playing in the background, stopping any earlier replay; {@code done} runs after the last event. */
    public void play(List<RunEvent> events, ReplaySpeed speed, RunListener sink, Runnable done) {
        current.stopped = true;
        Playback playback = new Playback();
        current = playback;
        background.execute(() -> {
            double played = 0;
            double recorded = 0;
            long lastTick = System.nanoTime();
            for (RunEvent event : events) {
                recorded = recordedTime(event, recorded);
                while (playback.paused || played * speed.factor() < recorded) {
                    if (playback.stopped) {
                        return;
                    }
                    sleep();
                    long now = System.nanoTime();
                    if (!playback.paused) {
                        played += (now - lastTick) / 1e9;
                    }
                    lastTick = now;
                }
                if (playback.stopped) {
                    return;
                }
                sink.onEvent(event);
            }
            done.run();
        });
    }

    public void pause() {
        current.paused = true;
    }

    public void resume() {
        current.paused = false;
    }

    public boolean isPaused() {
        return current.paused;
    }

    public void stop() {
        current.stopped = true;
    }

    /** Seconds since training began when the event happened: steps carry it; an epoch adds its evaluation. */
    private static double recordedTime(RunEvent event, double previous) {
        if (event instanceof StepCompleted step) {
            return Math.max(previous, step.elapsedSeconds());
        }
        if (event instanceof EpochCompleted epoch) {
            return previous + Math.max(0, epoch.epochSeconds() - epoch.trainSeconds());
        }
        return previous;
    }

    private static void sleep() {
        try {
            Thread.sleep(TICK_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** One replay's controls, so stopping an old replay never touches the next one. */
    private static final class Playback {
        private volatile boolean paused;
        private volatile boolean stopped;
    }
}
