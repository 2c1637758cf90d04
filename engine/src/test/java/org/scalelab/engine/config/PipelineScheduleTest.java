package org.scalelab.engine.config;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.scalelab.engine.config.PipelineSchedule.Work;

/** GPipe's schedule counted in slots: the stages' idle slots are the bubble, and it shrinks as microbatches grow. */
class PipelineScheduleTest {

    @Test
    void everyStageRunsAllForwardPassesThenTheBackwardPassesLastMicrobatchFirst() {
        assertEquals("[F0, F1, F2, B2, B1, B0]", new PipelineSchedule(2, 3).order().toString());
    }

    @Test
    void twoStagesOfTwoMicrobatchesWaitOneForwardAndOneBackwardSlotEach() {
        Work[][] slots = new PipelineSchedule(2, 2).slots();
        // stage 0: F0 F1 .  .  B1 B0 — stage 1: .  F0 F1 B1 B0 .
        assertEquals("[F0, F1, null, null, B1, B0]", Arrays.toString(slots[0]));
        assertEquals("[null, F0, F1, B1, B0, null]", Arrays.toString(slots[1]));
        assertNull(slots[1][0], "the last stage waits for the first activations");
    }

    @Test
    void theIdleShareOfTheSlotsIsTheBubbleAndFallsAsMicrobatchesGrow() {
        for (int stages : List.of(1, 2, 3, 4)) {
            double before = 1;
            for (int microbatches : List.of(1, 2, 4, 8, 16)) {
                PipelineSchedule schedule = new PipelineSchedule(stages, microbatches);
                Work[][] slots = schedule.slots();
                assertEquals(2 * (microbatches + stages - 1), slots[0].length, "a step of 2(M+K−1) slots");
                for (Work[] stage : slots) {
                    assertEquals(2 * microbatches, Arrays.stream(stage).filter(w -> w != null).count(), "2M busy slots");
                }
                assertEquals((double) (stages - 1) / (microbatches + stages - 1), schedule.idleShare(), 1e-12);
                assertEquals(schedule.bubble(), schedule.idleShare(), 1e-12);
                if (stages > 1) {
                    assertTrue(schedule.idleShare() < before, stages + " stages, " + microbatches + " microbatches");
                }
                before = schedule.idleShare();
            }
        }
        assertArrayEquals(new double[] {0.5, 1.0 / 3, 0.2, 1.0 / 9}, List.of(1, 2, 4, 8).stream()
                .mapToDouble(m -> new PipelineSchedule(2, m).idleShare()).toArray(), 1e-12);
    }
}
