package org.scalelab.app;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import javafx.geometry.Rectangle2D;
import javafx.stage.Screen;
import javafx.stage.Stage;

/**
 * The window's size: the one it had when last closed (else 1440×900, room for every chart), made to fit the
 * screen it opens on so that the header and status bar are never cut off.
 *
 * @param file   where the size is kept between launches
 * @param width  of the window's content
 * @param height of the window's content
 */
record WindowPlacement(Path file, double width, double height) {
    static final double PREFERRED_WIDTH = 1440;
    static final double PREFERRED_HEIGHT = 900;
    /** Room left for the window manager's title bar and borders, which the content size does not include. */
    static final double DECORATION = 40;
    private static final String FILE = "window.properties";

    /** The remembered size, fitted to the primary screen's usable area. */
    static WindowPlacement forThisScreen(Path configDirectory) {
        return fitted(configDirectory.resolve(FILE), Screen.getPrimary().getVisualBounds());
    }

    static WindowPlacement fitted(Path file, Rectangle2D screen) {
        double width = PREFERRED_WIDTH;
        double height = PREFERRED_HEIGHT;
        try (Reader in = Files.newBufferedReader(file)) {
            Properties saved = new Properties();
            saved.load(in);
            width = Double.parseDouble(saved.getProperty("width", String.valueOf(width)));
            height = Double.parseDouble(saved.getProperty("height", String.valueOf(height)));
        } catch (IOException | NumberFormatException e) {
            // never saved, or damaged: the preferred size, fitted like any other
        }
        return new WindowPlacement(file, Math.min(width, screen.getWidth()),
                Math.min(height, screen.getHeight() - DECORATION));
    }

    /** Keeps the window's size for the next launch; a folder that cannot be written only loses the size. */
    void remember(Stage stage) {
        Properties size = new Properties();
        size.setProperty("width", String.valueOf(stage.getScene().getWidth()));
        size.setProperty("height", String.valueOf(stage.getScene().getHeight()));
        try {
            Files.createDirectories(file.getParent());
            try (Writer out = Files.newBufferedWriter(file)) {
                size.store(out, "ScaleLab workbench window");
            }
        } catch (IOException e) {
            System.err.println("scalelab: could not keep the window's size in " + file + ": " + e.getMessage());
        }
    }
}
