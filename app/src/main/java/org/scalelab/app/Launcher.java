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
        Application.launch(ScaleLabApp.class, args);
    }
}
