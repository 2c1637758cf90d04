package org.scalelab.app.ui;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** How the workbench writes when a run started: to the minute, in the local time zone. */
public final class Dates {
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.systemDefault());

    private Dates() {
    }

    /** "2025-06-01 15:30". */
    public static String minute(Instant instant) {
        return MINUTE.format(instant);
    }
}
