package org.scalelab.engine.training;

import java.util.ArrayList;
import java.util.List;
import org.scalelab.engine.events.RunEvent;
import org.scalelab.engine.events.RunListener;

/**
 * Keeps every event, for assertions. Synchronized: the workers of an in-process run report from their own threads
 * (two threads' timelines raced into the list and one was lost now and then, OverlapTrainingTest seeing 19 steps).
 */
public final class RecordingListener implements RunListener {
    private final List<RunEvent> events = new ArrayList<>();

    @Override
    public synchronized void onEvent(RunEvent event) {
        events.add(event);
    }

    public synchronized List<RunEvent> events() {
        return List.copyOf(events);
    }

    public synchronized <T extends RunEvent> List<T> events(Class<T> type) {
        return events.stream().filter(type::isInstance).map(type::cast).toList();
    }
}
