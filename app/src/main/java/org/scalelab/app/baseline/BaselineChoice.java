package org.scalelab.app.baseline;

import java.util.List;
import java.util.Optional;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.scalelab.engine.runs.RunTables;
import org.scalelab.engine.runs.speedup.Baseline;
import org.scalelab.engine.runs.speedup.Baselines;

/**
 * The serial runs one run's speedup may be measured against ({@link Baselines} decides which) and the one it is
 * measured against now: the engine's default until the user picks another. The live view and each row of the
 * comparison hold one.
 */
public final class BaselineChoice {
    private final ObservableList<Baseline> eligible = FXCollections.observableArrayList();
    private final ObjectProperty<Baseline> chosen = new SimpleObjectProperty<>();

    /** Offers these baselines and chooses the first; an empty list leaves the run without a speedup. */
    public void offer(List<Baseline> baselines) {
        eligible.setAll(baselines);
        chosen.set(baselines.isEmpty() ? null : baselines.get(0));
    }

    public ObservableList<Baseline> eligible() {
        return eligible;
    }

    /** Null when there is no baseline to choose. */
    public ObjectProperty<Baseline> chosenProperty() {
        return chosen;
    }

    public Optional<Baseline> chosen() {
        return Optional.ofNullable(chosen.get());
    }

    /** "serial baseline · 2025-06-01 15:30 · 5,210 img/s", with " · calibration" for a calibration run. */
    public static String describe(Baseline baseline) {
        return RunTables.describe(baseline);
    }
}
