package org.scalelab.app.setup;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.beans.property.ReadOnlyStringWrapper;
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
import javafx.scene.control.TitledPane;
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
import org.scalelab.engine.config.TrainingOption;
import org.scalelab.engine.config.TrainingOptions;

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
    private final Map<TrainingOption<?>, Control> controls = new LinkedHashMap<>();
    private final GridPane parallelism = form();
    private final GridPane training = form();
    private final GridPane more = form();
    private final GridPane recovery = form();

    public ExperimentView(ExperimentViewModel model) {
        this.model = model;
        setSpacing(6);

        ComboBox<Strategy> strategy = new ComboBox<>();
        strategy.getItems().setAll(Strategy.values());
        strategy.valueProperty().bindBidirectional(model.strategyProperty());
        strategy.setCellFactory(list -> new StrategyCell());
        addRow(parallelism, TrainingOptions.STRATEGY, strategy);
        addNote(parallelism, "hint", model.strategyHint()).setId("strategy-help");
        addRow(parallelism, TrainingOptions.PROCS, textField(TrainingOptions.PROCS)).disableProperty()
                .bind(model.processesUsed().not());
        addNote(parallelism, "hint", model.processesHint());
        addRow(parallelism, TrainingOptions.THREADS, textField(TrainingOptions.THREADS)).disableProperty()
                .bind(model.threadsUsed().not());
        addNote(parallelism, "hint", model.threadsHint());
        addNote(parallelism, "warning-text", model.warningProperty()).setId("oversubscription");
        ComboBox<Scaling> scaling = new ComboBox<>();
        scaling.getItems().setAll(Scaling.values());
        scaling.valueProperty().bindBidirectional(model.scalingProperty());
        scaling.setTooltip(new Tooltip("strong: the batch is split among the workers\nweak: every worker takes a whole batch"));
        addRow(parallelism, TrainingOptions.SCALING, scaling);
        averagingRows();
        explainedField(TrainingOptions.MICROBATCHES, model.pipelineUsed());
        ComboBox<AllreduceAlgorithm> allreduce = new ComboBox<>();
        allreduce.getItems().setAll(AllreduceAlgorithm.values());
        allreduce.valueProperty().bindBidirectional(model.allreduceProperty());
        allreduce.setTooltip(new Tooltip("ring: every rank sends 2(P−1)/P of the gradients through MPJ\n"
                + "ring-shm: the ranks sum their gradients in place, in shared memory (all ranks on this machine)\n"
                + "builtin: MPJ's reduce to one rank, then broadcast"));
        showWhen(model.allreduceUsed(), addRow(parallelism, TrainingOptions.ALLREDUCE, allreduce, allreduce));
        explainedField(TrainingOptions.MAX_STALENESS, model.stalenessUsed());
        hostsRow();

        addRow(training, TrainingOptions.BATCH, textField(TrainingOptions.BATCH));
        ComboBox<OptimizerKind> optimizer = new ComboBox<>();
        optimizer.getItems().setAll(OptimizerKind.values());
        optimizer.valueProperty().bindBidirectional(model.optimizerProperty());
        addRow(training, TrainingOptions.OPTIMIZER, optimizer);
        addRow(training, TrainingOptions.LR, textField(TrainingOptions.LR));
        addRow(training, TrainingOptions.EPOCHS, textField(TrainingOptions.EPOCHS));
        addRow(training, TrainingOptions.SEED, textField(TrainingOptions.SEED));
        recoveryOptions();
        moreOptions();

        TitledPane recoverySection = new TitledPane("Advanced: checkpoints and faults", recovery);
        recoverySection.setId("checkpoints-and-faults");
        recoverySection.setExpanded(false);
        TitledPane moreSection = new TitledPane("More options", more);
        moreSection.setId("more-options");
        moreSection.setExpanded(false);
        getChildren().addAll(Forms.section("PARALLELISM"), parallelism, Forms.section("TRAINING"), training,
                recoverySection, moreSection);
        controls.forEach((field, control) -> validation.registerValidator(control, false,
                (Control c, Object value) -> ValidationResult.fromErrorIf(c, model.problems().get(field),
                        model.problems().containsKey(field))));
        // A problem may come from another field (serial needs 1 process): re-check every field on any change.
        model.problems().addListener((MapChangeListener<TrainingOption<?>, String>) change -> validation.revalidate());
    }

    /** Parameter averaging: every K steps or once per epoch, by allreduce or through rank 0. */
    private void averagingRows() {
        TextField period = textField(TrainingOptions.AVERAGE_EVERY);
        period.disableProperty().bind(model.oncePerEpochProperty());
        CheckBox oncePerEpoch = new CheckBox("once per epoch");
        oncePerEpoch.setId("once-per-epoch");
        oncePerEpoch.selectedProperty().bindBidirectional(model.oncePerEpochProperty());
        period.setPrefColumnCount(3);
        HBox periodRow = new HBox(8, period, oncePerEpoch);
        periodRow.setAlignment(Pos.CENTER_LEFT);
        showWhen(model.averagingUsed(), addRow(parallelism, TrainingOptions.AVERAGE_EVERY, period, periodRow));
        CheckBox viaMaster = new CheckBox("average via master (rank 0)");
        viaMaster.selectedProperty().bindBidirectional(model.viaMasterProperty());
        showWhen(model.averagingUsed(), addRow(parallelism, TrainingOptions.VIA_MASTER, viaMaster, viaMaster));
    }

    /**
     * A number field shown only while {@code used} (async's staleness bound, a pipeline's microbatches), with what it
     * changes in a line under it.
     */
    private void explainedField(TrainingOption<Integer> option, ObservableBooleanValue used) {
        TextField field = textField(option);
        showWhen(used, addRow(parallelism, option, field, field));
        Label help = addNote(parallelism, "hint", new ReadOnlyStringWrapper(option.help()));
        help.setId(option.key() + "-help");
        showWhen(used, help);
    }

    /** An optional host file for runs whose ranks may live on other machines. */
    private void hostsRow() {
        TextField hosts = textField(TrainingOptions.HOSTS);
        hosts.setPromptText("optional: ranks on this machine");
        Button choose = new Button("…");
        choose.setId("choose-hosts");
        choose.setTooltip(new Tooltip("Choose a host file: one host per line, optionally slots=N"));
        choose.setOnAction(e -> Dialogs.openAnyFile(this, "Host file")
                .ifPresent(file -> model.text(TrainingOptions.HOSTS).set(file.getPath())));
        HBox row = new HBox(4, hosts, choose);
        HBox.setHgrow(hosts, Priority.ALWAYS);
        showWhen(model.hostsUsed(), addRow(parallelism, TrainingOptions.HOSTS, hosts, row));
    }

    /**
     * Checkpoints, restarts and injected faults (issue 15's fault-tolerance experiments), each with what it does
     * in a line under it: these are the options a student has not met in the main form.
     */
    private void recoveryOptions() {
        for (TrainingOption<?> option : ExperimentViewModel.RECOVERY_FORM) {
            TextField field = textField(option);
            if (option == TrainingOptions.INJECT_FAULT) {
                field.setPromptText("e.g. rank=1,step=20,kind=kill");
            }
            addRow(recovery, option, field);
            addNote(recovery, "hint", new ReadOnlyStringWrapper(option.help())).setId(option.key() + "-help");
        }
    }

    /**
     * Every option the main form does not show, each with the control its type calls for: adding an option to
     * {@link TrainingOptions} adds it here.
     */
    private void moreOptions() {
        for (TrainingOption<?> option : model.options()) {
            if (controls.containsKey(option)) {
                continue;
            }
            Control control;
            if (option.type().isFlag()) {
                CheckBox box = new CheckBox();
                box.setSelected(Boolean.parseBoolean(model.text(option).get()));
                box.selectedProperty().addListener((o, was, now) -> model.text(option).set(String.valueOf(now)));
                model.text(option).addListener((o, was, now) -> box.setSelected(Boolean.parseBoolean(now)));
                control = box;
            } else if (!option.type().choices().isEmpty()) {
                ComboBox<String> choice = new ComboBox<>();
                choice.getItems().setAll(option.type().choices());
                choice.valueProperty().bindBidirectional(model.text(option));
                control = choice;
            } else {
                control = textField(option);
            }
            control.setTooltip(new Tooltip(option.help()));
            addRow(more, option, control);
        }
    }

    private TextField textField(TrainingOption<?> field) {
        TextField text = new TextField();
        text.textProperty().bindBidirectional(model.text(field));
        text.setPrefColumnCount(6);
        return text;
    }

    private Control addRow(GridPane grid, TrainingOption<?> field, Control control) {
        addRow(grid, field, control, control);
        return control;
    }

    /** A row whose validated control sits inside {@code shown} (with a button or check box beside it). */
    private Node[] addRow(GridPane grid, TrainingOption<?> field, Control control, Node shown) {
        control.setId(field.key());
        controls.put(field, control);
        if (control.getTooltip() == null) {
            control.setTooltip(new Tooltip(field.help()));
        }
        return addRow(grid, field == TrainingOptions.VIA_MASTER ? "" : field.label(), shown);
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
