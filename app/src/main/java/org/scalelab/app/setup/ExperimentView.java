package org.scalelab.app.setup;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import javafx.collections.MapChangeListener;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.controlsfx.validation.ValidationResult;
import org.controlsfx.validation.ValidationSupport;
import org.scalelab.app.ui.Forms;
import org.scalelab.engine.training.OptimizerKind;
import org.scalelab.engine.training.Scaling;
import org.scalelab.engine.training.Strategy;

/**
 * Parallelism and training fields. Each faulty field is marked where it is (ControlsFX decoration with the
 * problem as its tooltip); strategies that cannot run here are greyed out with the reason and remedy.
 */
public final class ExperimentView extends VBox {
    private final ExperimentViewModel model;
    private final ValidationSupport validation = new ValidationSupport();
    private final Map<ExperimentField, Control> controls = new EnumMap<>(ExperimentField.class);
    private final GridPane parallelism = form();
    private final GridPane training = form();

    public ExperimentView(ExperimentViewModel model) {
        this.model = model;
        setSpacing(6);

        ComboBox<Strategy> strategy = new ComboBox<>();
        strategy.getItems().setAll(Strategy.values());
        strategy.valueProperty().bindBidirectional(model.strategyProperty());
        strategy.setCellFactory(list -> new StrategyCell());
        addRow(parallelism, ExperimentField.STRATEGY, strategy);
        addRow(parallelism, ExperimentField.PROCESSES, textField(ExperimentField.PROCESSES));
        addRow(parallelism, ExperimentField.THREADS, textField(ExperimentField.THREADS));
        ComboBox<Scaling> scaling = new ComboBox<>();
        scaling.getItems().setAll(Scaling.values());
        scaling.valueProperty().bindBidirectional(model.scalingProperty());
        scaling.setTooltip(new Tooltip("strong: the batch is split among the workers\nweak: every worker takes a whole batch"));
        addRow(parallelism, "Scaling", scaling);

        Label warning = Forms.message("warning-text", model.warningProperty());
        warning.setId("oversubscription");

        addRow(training, ExperimentField.BATCH_SIZE, textField(ExperimentField.BATCH_SIZE));
        ComboBox<OptimizerKind> optimizer = new ComboBox<>();
        optimizer.getItems().setAll(OptimizerKind.values());
        optimizer.valueProperty().bindBidirectional(model.optimizerProperty());
        addRow(training, "Optimiser", optimizer);
        addRow(training, ExperimentField.LEARNING_RATE, textField(ExperimentField.LEARNING_RATE));
        addRow(training, ExperimentField.EPOCHS, textField(ExperimentField.EPOCHS));
        addRow(training, ExperimentField.SEED, textField(ExperimentField.SEED));

        getChildren().addAll(Forms.section("PARALLELISM"), parallelism, warning, Forms.section("TRAINING"), training);
        controls.forEach((field, control) -> validation.registerValidator(control, false,
                (Control c, Object value) -> ValidationResult.fromErrorIf(c, model.problems().get(field),
                        model.problems().containsKey(field))));
        // A problem may come from another field (serial needs 1 process): re-check every field on any change.
        model.problems().addListener((MapChangeListener<ExperimentField, String>) change -> validation.revalidate());
    }

    private TextField textField(ExperimentField field) {
        TextField text = new TextField();
        text.textProperty().bindBidirectional(model.text(field));
        text.setPrefColumnCount(6);
        return text;
    }

    private void addRow(GridPane grid, ExperimentField field, Control control) {
        control.setId(field.name().toLowerCase(Locale.ROOT).replace('_', '-'));
        controls.put(field, control);
        addRow(grid, field.label(), control);
    }

    private static void addRow(GridPane grid, String label, Control control) {
        Label name = new Label(label);
        name.getStyleClass().add("field-label");
        control.setMaxWidth(Double.MAX_VALUE);
        GridPane.setHgrow(control, Priority.ALWAYS);
        grid.addRow(grid.getRowCount(), name, control);
    }

    private static GridPane form() {
        GridPane grid = new GridPane();
        grid.getStyleClass().add("form-grid");
        return grid;
    }

    /** Greys out strategies that cannot run here and says why in the tooltip. */
    private final class StrategyCell extends ListCell<Strategy> {
        @Override
        protected void updateItem(Strategy item, boolean empty) {
            super.updateItem(item, empty);
            setText(empty || item == null ? null : item.toString());
            String reason = empty || item == null ? null : model.unavailability(item).orElse(null);
            setDisable(reason != null);
            setTooltip(reason == null ? null : new Tooltip(reason));
        }
    }
}
