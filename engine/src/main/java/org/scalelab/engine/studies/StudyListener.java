package org.scalelab.engine.studies;

import org.scalelab.engine.events.RunEvent;

/** Told how a study goes: cell by cell, and every event of the cell that runs. All methods may be left out. */
public interface StudyListener {

    default void cellStarted(StudyRecord study, StudyRecord.Cell cell) {
    }

    default void cellEvent(StudyRecord.Cell cell, RunEvent event) {
    }

    /** @param study the record as saved after the cell, with the cell's new state */
    default void cellEnded(StudyRecord study, StudyRecord.Cell cell) {
    }
}
