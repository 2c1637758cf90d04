package org.scalelab.engine.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class DownloadProgressBarsTest {

    /** What a terminal shows of each line: the text after the last carriage return. */
    private static String[] shownLines(StringWriter err) {
        String[] lines = err.toString().split("\n");
        for (int i = 0; i < lines.length; i++) {
            lines[i] = lines[i].substring(lines[i].lastIndexOf('\r') + 1);
        }
        return lines;
    }

    @Test
    void drawsOneFinishedBarPerFileInFittingUnits() {
        StringWriter err = new StringWriter();

        try (DownloadProgressBars bars = new DownloadProgressBars(new PrintWriter(err))) {
            bars.update("images.gz", 0, 26_000_000);
            bars.update("images.gz", 26_000_000, 26_000_000);
            bars.update("labels.gz", 0, 29_000);
            bars.update("labels.gz", 29_000, 29_000);
            bars.update("unknown.gz", 500_000, -1);
        }

        String[] lines = shownLines(err);
        assertEquals(3, lines.length, err.toString());
        assertTrue(lines[0].startsWith("images.gz 100%") && lines[0].contains(" 26/26 MB "), lines[0]);
        assertTrue(lines[1].startsWith("labels.gz 100%") && lines[1].contains(" 29/29 kB "), lines[1]);
        assertTrue(lines[2].startsWith("unknown.gz  ? %"), lines[2]);
    }
}
