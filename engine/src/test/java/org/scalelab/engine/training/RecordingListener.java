package org.scalelab.engine.training;

import java.util.ArrayList;
import java.util.List;
import org.scalelab.engine.events.RunEvent;
import org.scalelab.engine.events.RunListener;

/** Keeps every event, for assertions. */
public final class RecordingListener implements RunListener {
    private final List<RunEvent> events = new ArrayList<>();

    @Override
    public void onEvent(RunEvent event) {
        events.add(event);
    }

    public List<RunEvent> events() {
        return events;
    }

    public <T extends RunEvent> List<T> events(Class<T> type) {
        return events.stream().filter(type::isInstance).map(type::cast).toList();
    }
}
