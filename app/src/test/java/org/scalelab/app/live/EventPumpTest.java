package org.scalelab.app.live;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class EventPumpTest {

    @Test
    void handsOverWhatIsQueuedInBoundedBatchesInOrder() throws Exception {
        List<List<Integer>> batches = new ArrayList<>();
        EventPump<Integer> pump = new EventPump<>(batches::add);
        int events = 2 * EventPump.MAX_BATCH + 10;
        Thread producer = new Thread(() -> {
            for (int i = 0; i < events; i++) {
                pump.offer(i);
            }
        });
        producer.start();
        producer.join();
        pump.drain();
        assertEquals(1, batches.size());
        assertEquals(EventPump.MAX_BATCH, batches.get(0).size(), "one frame takes one bounded batch");
        pump.drainAll();
        pump.drainAll();
        assertEquals(3, batches.size(), "an empty queue hands over nothing");
        assertEquals(10, batches.get(2).size());
        assertEquals(events - 1, batches.get(2).get(9));
    }
}
