package org.scalelab.app.live;

import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Consumer;
import javafx.animation.AnimationTimer;

/**
 * Carries events from a training thread to the UI thread in batches at a bounded rate. The engine may
 * report thousands of steps a second; the charts take them {@value #FRAMES_PER_SECOND} times a second at
 * most, as one batch each of at most {@value #MAX_BATCH} events, so the UI thread stays free however fast
 * training goes: a backlog (a replay at full speed) is worked off over several frames instead of in one long one.
 *
 * @param <E> the event type
 */
public final class EventPump<E> {
    static final int FRAMES_PER_SECOND = 12;
    static final int MAX_BATCH = 2_000;
    private static final long FRAME_NANOS = 1_000_000_000L / FRAMES_PER_SECOND;

    private final Queue<E> queue = new ConcurrentLinkedQueue<>();
    private final Consumer<List<E>> sink;
    private final AnimationTimer timer;
    private long lastDrain;

    /** @param sink receives each non-empty batch on the UI thread, in the order events were offered */
    public EventPump(Consumer<List<E>> sink) {
        this.sink = sink;
        this.timer = new AnimationTimer() {
            @Override
            public void handle(long now) {
                if (now - lastDrain >= FRAME_NANOS) {
                    lastDrain = now;
                    drain();
                }
            }
        };
    }

    /** Thread-safe; never blocks. */
    public void offer(E event) {
        queue.add(event);
    }

    public void start() {
        timer.start();
    }

    public void stop() {
        timer.stop();
    }

    /** Drops every event queued and not yet handed on. */
    public void clear() {
        queue.clear();
    }

    /** Hands the oldest queued events, at most one batch, to the sink (called by the timer). */
    public void drain() {
        List<E> batch = new ArrayList<>();
        for (E event = queue.poll(); event != null; event = batch.size() < MAX_BATCH ? queue.poll() : null) {
            batch.add(event);
        }
        if (!batch.isEmpty()) {
            sink.accept(batch);
        }
    }

    /** Hands everything queued so far to the sink, batch by batch (tests, and flushing before a run ends). */
    public void drainAll() {
        while (!queue.isEmpty()) {
            drain();
        }
    }
}
