package org.scalelab.app.setup;

import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javafx.beans.value.ObservableBooleanValue;
import javafx.beans.value.ObservableStringValue;
import javafx.collections.MapChangeListener;
import javafx.css.PseudoClass;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.controlsfx.validation.ValidationResult;
import org.controlsfx.validation.ValidationSupport;
import org.scalelab.app.ui.Dialogs;
import org.scalelab.app.ui.Forms;
import org.scalelab.engine.config.AllreduceAlgorithm;
import org.scalelab.engine.config.OptimizerKind;
import org.scalelab.engine.config.Scaling;
import org.scalelab.engine.config.Strategy;

/**
 * Parallelism and training fields. Each faulty field is marked where it is (ControlsFX decoration with the
 * problem as its tooltip); strategies that cannot run here are greyed out with the reason and remedy; fields the
 * chosen strategy does not read are disabled or hidden, and P and T say what they mean for it.
 */
public final class ExperimentView extends VBox {
    /** A strategy that cannot run on this machine. */
    public static final PseudoClass UNAVAILABLE = PseudoClass.getPseudoClass("unavailable");
    private static final double ROW_GAP = 6;

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
        addRow(parallelism, ExperimentField.PROCESSES, textField(ExperimentField.PROCESSES)).disableProperty()
                .bind(model.processesUsed().not());
        addNote(parallelism, "hint", model.processesHint());
        addRow(parallelism, ExperimentField.THREADS, textField(ExperimentField.THREADS)).disableProperty()
                .bind(model.threadsUsed().not());
        addNote(parallelism, "hint", model.threadsHint());
        addNote(parallelism, "warning-text", model.warningProperty()).setId("oversubscription");
        ComboBox<Scaling> scaling = new ComboBox<>();
        scaling.setId("scaling");
        scaling.getItems().setAll(Scaling.values());
        scaling.valueProperty().bindBidirectional(model.scalingProperty());
        scaling.setTooltip(new Tooltip("strong: the batch is split among the workers\nweak: every worker takes a whole batch"));
        addRow(parallelism, "Scaling", scaling);
        averagingRows();
        ComboBox<AllreduceAlgorithm> allreduce = new ComboBox<>();
        allreduce.setId("allreduce");
        allreduce.getItems().setAll(AllreduceAlgorithm.values());
        allreduce.valueProperty().bindBidirectional(model.allreduceProperty());
        allreduce.setTooltip(new Tooltip("ring: every rank sends 2(P−1)/P of the gradients through MPJ\n"
                + "ring-shm: the same ring through shared memory (all ranks on this machine)\n"
                + "builtin: MPJ's reduce to one rank, then broadcast"));
        showWhen(model.allreduceUsed(), addRow(parallelism, "Allreduce", allreduce));
        hostsRow();

        addRow(training, ExperimentField.BATCH_SIZE, textField(ExperimentField.BATCH_SIZE));
        ComboBox<OptimizerKind> optimizer = new ComboBox<>();
        optimizer.getItems().setAll(OptimizerKind.values());
        optimizer.valueProperty().bindBidirectional(model.optimizerProperty());
        addRow(training, "Optimiser", optimizer);
        addRow(training, ExperimentField.LEARNING_RATE, textField(ExperimentField.LEARNING_RATE));
        addRow(training, ExperimentField.EPOCHS, textField(ExperimentField.EPOCHS));
        addRow(training, ExperimentField.SEED, textField(ExperimentField.SEED));

        getChildren().addAll(Forms.section("PARALLELISM"), parallelism, Forms.section("TRAINING"), training);
        controls.forEach((field, control) -> validation.registerValidator(control, false,
                (Control c, Object value) -> ValidationResult.fromErrorIf(c, model.problems().get(field),
                        model.problems().containsKey(field))));
        // A problem may come from another field (serial needs 1 process): re-check every field on any change.
        model.problems().addListener((MapChangeListener<ExperimentField, String>) change -> validation.revalidate());
    }

    /** Parameter averaging: every K steps or once per epoch, by allreduce or through rank 0. */
    private void averagingRows() {
        TextField period = textField(ExperimentField.AVERAGING_PERIOD);
        period.disableProperty().bind(model.oncePerEpochProperty());
        CheckBox oncePerEpoch = new CheckBox("once per epoch");
        oncePerEpoch.setId("once-per-epoch");
        oncePerEpoch.selectedProperty().bindBidirectional(model.oncePerEpochProperty());
        period.setPrefColumnCount(3);
        HBox periodRow = new HBox(8, period, oncePerEpoch);
        periodRow.setAlignment(Pos.CENTER_LEFT);
        showWhen(model.averagingUsed(), addRow(parallelism, ExperimentField.AVERAGING_PERIOD, period, periodRow));
        CheckBox viaMaster = new CheckBox("average via master (rank 0)");
        viaMaster.setId("via-master");
        viaMaster.selectedProperty().bindBidirectional(model.viaMasterProperty());
        showWhen(model.averagingUsed(), addRow(parallelism, "", viaMaster));
    }

    /** An optional host file for runs whose ranks may live on other machines. */
    private void hostsRow() {
        TextField hosts = textField(ExperimentField.HOSTS);
        hosts.setPromptText("optional: ranks on this machine");
        Button choose = new Button("…");
        choose.setId("choose-hosts");
        choose.setTooltip(new Tooltip("Choose a host file: one host per line, optionally slots=N"));
        choose.setOnAction(e -> Dialogs.openAnyFile(this, "Host file")
                .ifPresent(file -> model.text(ExperimentField.HOSTS).set(file.getPath())));
        HBox row = new HBox(4, hosts, choose);
        HBox.setHgrow(hosts, Priority.ALWAYS);
        showWhen(model.hostsUsed(), addRow(parallelism, ExperimentField.HOSTS, hosts, row));
    }

    private TextField textField(ExperimentField field) {
        TextField text = new TextField();
        text.textProperty().bindBidirectional(model.text(field));
        text.setPrefColumnCount(6);
        return text;
    }

    private Control addRow(GridPane grid, ExperimentField field, Control control) {
        addRow(grid, field, control, control);
        return control;
    }

    /** A row whose validated control sits inside {@code shown} (with a button or check box beside it). */
    private Node[] addRow(GridPane grid, ExperimentField field, Control control, Node shown) {
        control.setId(field.name().toLowerCase(Locale.ROOT).replace('_', '-'));
        controls.put(field, control);
        return addRow(grid, field.label(), shown);
    }

    private static Node[] addRow(GridPane grid, String label, Node control) {
        Label name = new Label(label);
        name.getStyleClass().add("field-label");
        name.setMinWidth(Region.USE_PREF_SIZE); // the controls beside a label shrink before the label does
        if (control instanceof Control sized) {
            sized.setMaxWidth(Double.MAX_VALUE);
        }
        GridPane.setHgrow(control, Priority.ALWAYS);
        int row = nextRow(grid);
        grid.addRow(row, name, control);
        spaceFromRowAbove(row, name, control);
        return new Node[] {name, control};
    }

    /** A line under a field (what it means, or a warning about it), spanning the control's column. */
    private static Label addNote(GridPane grid, String styleClass, ObservableStringValue text) {
        Label note = Forms.message(styleClass, text);
        int row = nextRow(grid);
        grid.add(note, 1, row);
        spaceFromRowAbove(row, note);
        return note;
    }

    /**
     * Rows are spaced by a margin above their nodes, not by the grid's vgap: GridPane keeps the gap of a row
     * whose nodes are hidden, so each hidden row (averaging, host file) left an empty band in the form.
     */
    private static void spaceFromRowAbove(int row, Node... nodes) {
        if (row > 0) {
            for (Node node : nodes) {
                GridPane.setMargin(node, new Insets(ROW_GAP, 0, 0, 0));
            }
        }
    }

    /** The row below every child; unlike {@link GridPane#getRowCount} it counts hidden (unmanaged) rows too. */
    private static int nextRow(GridPane grid) {
        return grid.getChildren().stream().mapToInt(child -> {
            Integer row = GridPane.getRowIndex(child);
            return row == null ? 0 : row;
        }).max().orElse(-1) + 1;
    }

    private static void showWhen(ObservableBooleanValue condition, Node... nodes) {
        for (Node node : nodes) {
            node.visibleProperty().bind(condition);
            node.managedProperty().bind(condition);
        }
    }

    private static GridPane form() {
        GridPane grid = new GridPane();
        grid.getStyleClass().add("form-grid");
        return grid;
    }

    /**
     * Greys out strategies that cannot run here and says why, with the remedy, in the tooltip. The cell is
     * marked rather than disabled, because JavaFX shows no tooltip over a disabled node; clicks on it are
     * swallowed instead (and a strategy reached by keyboard is still refused at the field, with the remedy).
     */
    private final class StrategyCell extends ListCell<Strategy> {
        private boolean unavailable;

        StrategyCell() {
            // Press selects a list cell, release and click close the popup: none of them may choose this one.
            for (var type : List.of(MouseEvent.MOUSE_PRESSED, MouseEvent.MOUSE_RELEASED, MouseEvent.MOUSE_CLICKED)) {
                addEventFilter(type, event -> {
                    if (unavailable) {
                        event.consume();
                    }
                });
            }
        }

        @Override
        protected void updateItem(Strategy item, boolean empty) {
            super.updateItem(item, empty);
            setText(empty || item == null ? null : item.toString());
            String reason = empty || item == null ? null : model.unavailability(item).orElse(null);
            unavailable = reason != null;
            pseudoClassStateChanged(UNAVAILABLE, unavailable);
            setTooltip(reason == null ? null : new Tooltip(reason));
        }
    }
}
