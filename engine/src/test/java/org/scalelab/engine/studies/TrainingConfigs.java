package org.scalelab.engine.studies;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

/** Checks on the cells of a study shared by its tests. */
final class TrainingConfigs {
    private TrainingConfigs() {
    }

    /** A point's baseline, the same configuration serial at the point's global batch, is among the cells. */
    static void assertHasBaseline(StudyCell point, List<StudyCell> cells) {
        var wanted = StudyGrid.baselineFor(point.config());
        assertTrue(cells.stream().anyMatch(cell -> cell.baseline() && StudyGrid.baselineFor(cell.config()).equals(wanted)),
                point.label() + " has no baseline among " + cells.stream().map(StudyCell::label).toList());
    }
}
