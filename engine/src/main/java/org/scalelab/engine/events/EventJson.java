package org.scalelab.engine.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import java.io.UncheckedIOException;

/**
 * One event per line of JSON: a worker process prints events on its standard output and its parent reads them
 * back line by line. Jackson escapes line breaks inside strings, so an event never spans two lines.
 */
public final class EventJson {
    private static final ObjectWriter WRITER = Json.mapper().writerFor(RunEvent.class);
    private static final ObjectReader READER = Json.mapper().readerFor(RunEvent.class);

    private EventJson() {
    }

    /** The event as one line of JSON, without the line break. */
    public static String toLine(RunEvent event) {
        try {
            return WRITER.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("cannot write " + event.getClass().getSimpleName() + " as JSON", e);
        }
    }

    /**
     * @throws IllegalArgumentException when the line is not an event, quoting the start of the line
     */
    public static RunEvent fromLine(String line) {
        try {
            return READER.readValue(line);
        } catch (JsonProcessingException e) {
            String start = line.length() > 80 ? line.substring(0, 80) + "…" : line;
            throw new IllegalArgumentException("not a run event: " + start + " (" + e.getOriginalMessage() + ")", e);
        }
    }
}
