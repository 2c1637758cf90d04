package org.scalelab.app.live;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class EventPumpTest {

    @Test
    void handsOverEverythingQueuedAsOneBatchInOrder() throws Exception {
        List<List<Integer>> batches = new ArrayList<>();
        EventPump<Integer> pump = new EventPump<>(batches::add);
        Thread producer = new Thread(() -> {
            for (int i = 0; i < 10_000; i++) {
                pump.offer(i);
            }
        });
        producer.start();
        producer.join();
        pump.drain();
        pump.drain();
        assertEquals(1, batches.size(), "an empty queue hands over nothing");
        assertEquals(10_000, batches.get(0).size());
        assertEquals(9_999, batches.get(0).get(9_999));
    }
}
