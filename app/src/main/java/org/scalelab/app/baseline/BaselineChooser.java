package org.scalelab.app.baseline;

import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ListCell;
import javafx.scene.control.Tooltip;
import javafx.util.Duration;
import org.scalelab.engine.runs.speedup.Baseline;
import org.scalelab.engine.runs.speedup.Throughput;

/**
 * "Baseline: serial baseline · 2025-06-01 15:30 · 5,210 img/s ▾": names the run a speedup is measured against and
 * lists the others it may be measured against; choosing one measures the speedup again. Its tooltip holds the
 * whole text, should a narrow table column cut it.
 */
public final class BaselineChooser extends ComboBox<Baseline> {
    private BaselineChoice shown;

    /** @param prefix written before the chosen baseline, e.g. "Baseline: "; empty under a column so headed */
    public BaselineChooser(String prefix) {
        getStyleClass().add("baseline-chooser");
        setCellFactory(list -> new BaselineCell(""));
        setButtonCell(new BaselineCell(prefix));
        Tooltip tooltip = new Tooltip();
        tooltip.setWrapText(true);
        tooltip.setMaxWidth(480);
        tooltip.setShowDuration(Duration.INDEFINITE);
        tooltip.textProperty().bind(Bindings.createStringBinding(() -> getValue() == null ? ""
                : "Speedup measured against " + BaselineChoice.describe(getValue()) + spread(getValue().throughput())
                        + ". The list holds every finished serial run of the same dataset, model, global batch and "
                        + "optimiser on the same machine, the closest in time first.", valueProperty()));
        setTooltip(tooltip);
    }

    /** Shows {@code choice} and changes it when the user picks another baseline, forgetting the one shown before. */
    public void bindTo(BaselineChoice choice) {
        if (shown != null) {
            valueProperty().unbindBidirectional(shown.chosenProperty());
        }
        shown = choice;
        setItems(choice.eligible());
        valueProperty().bindBidirectional(choice.chosenProperty());
    }

    /** ", whose 4 warm epochs ran at 4,900–5,300 img/s": how steady the baseline was; nothing for a single figure. */
    private static String spread(Throughput throughput) {
        return throughput.epochs() < 2 ? "" : String.format(Locale.ROOT, ", whose %d warm epochs ran at %,.0f–%,.0f img/s",
                throughput.epochs(), throughput.lowest(), throughput.highest());
    }

    private static final class BaselineCell extends ListCell<Baseline> {
        private final String prefix;

        BaselineCell(String prefix) {
            this.prefix = prefix;
        }

        @Override
        protected void updateItem(Baseline baseline, boolean empty) {
            super.updateItem(baseline, empty);
            setText(empty || baseline == null ? null : prefix + BaselineChoice.describe(baseline));
        }
    }
}
