package org.scalelab.engine.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.scalelab.engine.model.Architecture;
import org.scalelab.engine.model.Presets;

class EventJsonTest {

    static Stream<RunEvent> everyEventType() {
        return EventSamples.all().stream();
    }

    @ParameterizedTest
    @MethodSource("everyEventType")
    void eachEventIsOneLineAndReadsBackEqual(RunEvent event) {
        String line = EventJson.toLine(event);
        assertFalse(line.contains("\n") || line.contains("\r"), line);
        assertEquals(event, EventJson.fromLine(line));
    }

    @Test
    void typesAndEnumsAreWrittenAsTheirLowerCaseNames() {
        String started = EventJson.toLine(EventSamples.started("r1"));
        assertTrue(started.startsWith("{\"type\":\"runStarted\""), started);
        assertTrue(started.contains("\"optimizer\":\"momentum\""), started);
        String epoch = EventJson.toLine(EventSamples.epoch(1));
        assertTrue(epoch.contains("\"seconds\":{\"data\":0.1,"), epoch);
        assertTrue(epoch.contains("\"imagesPerSecond\":" + 100 / 1.05), epoch);
        assertTrue(EventJson.toLine(EventSamples.all().get(4)).contains("\"status\":\"cancelled\""));
    }

    @Test
    void missingResultsAreWrittenAsNullAndSurviveAsNaN() {
        RunFinished nothing = new RunFinished(RunSummary.of("r1", RunStatus.FINISHED, java.util.List.of()));
        String line = EventJson.toLine(nothing);
        assertTrue(line.contains("\"testAccuracy\":null") && !line.contains("NaN"), line);
        RunFinished back = (RunFinished) EventJson.fromLine(line);
        assertTrue(Double.isNaN(back.summary().testAccuracy()));
        RunFinished old = (RunFinished) EventJson.fromLine(line.replace("\"testAccuracy\":null", "\"testAccuracy\":\"NaN\""));
        assertTrue(Double.isNaN(old.summary().testAccuracy()), "records written before still read");
    }

    @Test
    void aLineThatIsNoEventIsRejectedWithItsStart() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> EventJson.fromLine("{\"type\":\"runExploded\"}"));
        assertTrue(e.getMessage().startsWith("not a run event: {\"type\":\"runExploded\"}"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> EventJson.fromLine("Picked up JAVA_TOOL_OPTIONS"));
    }

    @Test
    void readsEventsFromANewerVersionWithExtraFields() {
        String line = EventJson.toLine(EventSamples.step()).replace("{\"type\":\"stepCompleted\",",
                "{\"type\":\"stepCompleted\",\"worker\":3,");
        assertEquals(EventSamples.step(), EventJson.fromLine(line));
    }

    @Test
    void anArchitectureKeepsTheSpellingOfItsFile() {
        Architecture cnn = Presets.find("cnn-1m").orElseThrow();
        RunStarted started = EventSamples.started("r1");
        RunStarted withCnn = new RunStarted(started.runId(), started.startedAt(), started.config(), cnn,
                cnn.parameterCount(), started.dataset(), started.trainImages(), started.testImages(),
                started.environment(), started.provenance(),
                started.oversubscribed());
        String line = EventJson.toLine(withCnn);
        assertTrue(line.contains("\"padding\":\"same\""), line);
        assertEquals(withCnn, EventJson.fromLine(line));
    }
}
