package org.scalelab.app.setup;

import java.text.NumberFormat;
import javafx.beans.binding.Bindings;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.scalelab.app.ui.Dialogs;
import org.scalelab.app.ui.Forms;
import org.scalelab.app.ui.Tables;
import org.scalelab.engine.model.Architecture;

/** Architecture chooser with the chosen network's layer table and parameter count. */
public final class ArchitectureView extends VBox {

    public ArchitectureView(ArchitectureViewModel model) {
        setSpacing(6);
        ComboBox<Architecture> chooser = new ComboBox<>(model.choices());
        chooser.setId("architecture");
        chooser.setMaxWidth(Double.MAX_VALUE);
        chooser.valueProperty().bindBidirectional(model.selectedProperty());
        chooser.setConverter(new StringConverter<>() {
            @Override
            public String toString(Architecture architecture) {
                return architecture == null ? "" : architecture.name();
            }

            @Override
            public Architecture fromString(String text) {
                throw new UnsupportedOperationException("the chooser is not editable");
            }
        });

        TableView<LayerRow> table = new TableView<>(model.layers());
        table.setId("layers");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setFixedCellSize(24);
        table.prefHeightProperty().bind(table.fixedCellSizeProperty().multiply(Bindings.size(model.layers()).add(1.3)));
        table.getColumns().add(Tables.column("#", LayerRow::position, 30));
        table.getColumns().add(Tables.column("Kind", LayerRow::kind, 70));
        table.getColumns().add(Tables.column("Output", LayerRow::outputShape, 70));
        TableColumn<LayerRow, String> parameters =
                Tables.column("Parameters", row -> NumberFormat.getIntegerInstance().format(row.parameters()), 80);
        parameters.setStyle("-fx-alignment: center-right;");
        table.getColumns().add(parameters);

        Label count = new Label();
        count.setId("parameter-count");
        count.getStyleClass().add("parameter-count");
        count.textProperty().bind(Bindings.createStringBinding(
                () -> NumberFormat.getIntegerInstance().format(model.parameterCountProperty().get()) + " parameters",
                model.parameterCountProperty()));

        Button load = new Button("Load file…");
        load.setOnAction(e -> Dialogs.openFile(this, "Architecture file", "json")
                .ifPresent(file -> model.loadFile(file.toPath())));
        HBox row = new HBox(6, chooser, load);
        HBox.setHgrow(chooser, Priority.ALWAYS);
        Label error = Forms.message("error-text", model.errorProperty());
        error.setId("architecture-error");

        getChildren().addAll(row, error, table, count);
    }
}
