package org.scalelab.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.geometry.Rectangle2D;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The window opens within the screen, at the size it last had. */
class WindowPlacementTest {
    @TempDir
    Path folder;

    @Test
    void aFirstLaunchOnASmallScreenFitsIt() {
        WindowPlacement placement = WindowPlacement.fitted(folder.resolve("window.properties"),
                new Rectangle2D(0, 0, 1366, 768 - 27)); // a laptop screen with a panel
        assertEquals(1366, placement.width());
        assertTrue(placement.height() + WindowPlacement.DECORATION <= 768 - 27, "room for the title bar");
    }

    @Test
    void aFirstLaunchOnALargeScreenGetsThePreferredSize() {
        WindowPlacement placement = WindowPlacement.fitted(folder.resolve("window.properties"),
                new Rectangle2D(0, 0, 1920, 1080));
        assertEquals(WindowPlacement.PREFERRED_WIDTH, placement.width());
        assertEquals(WindowPlacement.PREFERRED_HEIGHT, placement.height());
    }

    @Test
    void theSizeLastKeptIsUsedAgainAndADamagedFileIsIgnored() throws IOException {
        Path file = folder.resolve("window.properties");
        Files.writeString(file, "width=1000\nheight=640\n");
        WindowPlacement placement = WindowPlacement.fitted(file, new Rectangle2D(0, 0, 1920, 1080));
        assertEquals(1000, placement.width());
        assertEquals(640, placement.height());

        Files.writeString(file, "width=wide\n");
        assertEquals(WindowPlacement.PREFERRED_WIDTH, WindowPlacement.fitted(file, new Rectangle2D(0, 0, 1920, 1080)).width());
    }
}
