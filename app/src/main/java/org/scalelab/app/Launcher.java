package org.scalelab.app;

import javafx.application.Application;

/**
 * Entry point of the workbench. It must not extend {@link Application}: started from the class path,
 * JavaFX refuses a main class that does ("JavaFX runtime components are missing").
 */
public final class Launcher {
    private Launcher() {
    }

    public static void main(String[] args) {
        // Charts draw through AWT's Graphics2D off screen. Without headless mode AWT opens its own X11 toolkit
        // next to JavaFX's GTK one, and the two crashed the JVM in XEventsQueued under Xvfb.
        System.setProperty("java.awt.headless", "true");
        Application.launch(ScaleLabApp.class, args);
    }
}
