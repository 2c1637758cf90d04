package org.scalelab.engine.cli;

/**
 * The lines the workbench prints at each point of its start-up when {@code -D}{@value #PROPERTY}{@code =true}
 * asks for them, for {@code scalelab bench startup} to time from outside: one place for both sides of the
 * exchange.
 */
public final class StartupMarks {
    /** The system property that asks for the marks. */
    public static final String PROPERTY = "scalelab.startup.marks";
    static final String PREFIX = "scalelab-startup: ";
    /** The window is on the screen. */
    public static final String WINDOW = "window";
    /** The workbench is built into it and answers. */
    public static final String WORKBENCH = "workbench";
    /** ND4J's native libraries are loaded: Run is enabled. */
    public static final String NATIVE = "native";

    private StartupMarks() {
    }

    /** Prints the mark when asked to; nothing otherwise. */
    public static void mark(String point) {
        if (Boolean.getBoolean(PROPERTY)) {
            System.out.println(PREFIX + point);
            System.out.flush();
        }
    }
}
