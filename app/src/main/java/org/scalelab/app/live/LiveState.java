package org.scalelab.app.live;

/** What the live view shows right now. */
public enum LiveState {
    IDLE("Ready"),
    PREPARING("Preparing"),
    /** Started, and waiting for its MPJ ranks (processes of their own, seconds to start) to take their first step. */
    STARTING_RANKS("Starting ranks…"),
    RUNNING("Running"),
    REPLAYING("Replaying"),
    /** A replay held by its Pause button. */
    PAUSED("Paused"),
    FINISHED("Finished"),
    FAILED("Failed"),
    CANCELLED("Cancelled");

    private final String label;

    LiveState(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** A replay, playing or paused. */
    public boolean isReplay() {
        return this == REPLAYING || this == PAUSED;
    }

    /** True while events may still arrive. */
    public boolean isActive() {
        return this == PREPARING || this == STARTING_RANKS || this == RUNNING || this == REPLAYING || this == PAUSED;
    }
}
