package org.scalelab.engine.events;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RunListenersTest {

    @Test
    void everyListenerGetsEveryEventEvenWhenOneThrows() {
        List<String> seen = new ArrayList<>();
        RunListener fanOut = RunListeners.fanOut(
                event -> seen.add("first " + event.getClass().getSimpleName()),
                event -> {
                    throw new IllegalStateException("disk full");
                },
                event -> seen.add("third " + event.getClass().getSimpleName()));
        fanOut.onEvent(EventSamples.step());
        fanOut.onEvent(EventSamples.epoch(1));
        assertEquals(List.of("first StepCompleted", "third StepCompleted", "first EpochCompleted",
                "third EpochCompleted"), seen);
    }
}
