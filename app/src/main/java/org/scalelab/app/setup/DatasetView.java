package org.scalelab.app.setup;

import javafx.beans.binding.Bindings;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.scalelab.app.ui.Dialogs;
import org.scalelab.app.ui.Forms;
import org.scalelab.engine.data.DatasetSummary;

/** Dataset chooser showing each dataset's state, with download and import for the missing ones. */
public final class DatasetView extends VBox {

    public DatasetView(DatasetViewModel model) {
        setSpacing(6);
        ComboBox<DatasetSummary> chooser = new ComboBox<>(model.datasets());
        chooser.setId("dataset");
        chooser.setMaxWidth(Double.MAX_VALUE);
        chooser.valueProperty().bindBidirectional(model.selectedProperty());
        chooser.setCellFactory(list -> new SummaryCell(true));
        // The closed chooser shows the name alone, so the setup panel's width never cuts it; the rest goes below.
        chooser.setButtonCell(new SummaryCell(false));
        Label details = new Label();
        details.setId("dataset-details");
        details.getStyleClass().add("hint");
        details.textProperty().bind(Bindings.createStringBinding(() -> model.selectedProperty().get() == null ? ""
                : details(model.selectedProperty().get()), model.selectedProperty()));
        chooser.disableProperty().bind(model.busyProperty());

        Button download = new Button("Download");
        download.setId("download");
        download.setOnAction(e -> model.download());
        Button importButton = new Button("Import…");
        importButton.setOnAction(e -> Dialogs.chooseFolder(this, "Folder holding the dataset's files")
                .ifPresent(folder -> model.importFrom(folder.toPath())));
        HBox actions = new HBox(6, download, importButton);
        actions.visibleProperty().bind(model.missingProperty().and(model.busyProperty().not()));
        actions.managedProperty().bind(actions.visibleProperty());

        ProgressBar progress = new ProgressBar();
        progress.progressProperty().bind(model.progressProperty());
        progress.setMaxWidth(Double.MAX_VALUE);
        Button cancel = new Button("Cancel");
        cancel.setOnAction(e -> model.cancel());
        Label activity = new Label();
        activity.getStyleClass().add("hint");
        activity.textProperty().bind(model.activityProperty());
        activity.setWrapText(true);
        HBox progressRow = new HBox(6, progress, cancel);
        HBox.setHgrow(progress, Priority.ALWAYS);
        VBox busyBox = new VBox(4, progressRow, activity);
        busyBox.visibleProperty().bind(model.busyProperty());
        busyBox.managedProperty().bind(busyBox.visibleProperty());

        Label error = Forms.message("error-text", model.errorProperty());
        error.setId("dataset-error");

        getChildren().addAll(chooser, details, actions, busyBox, error);
    }

    /** "built in  ·  10 classes  ·  1×28×28". */
    private static String details(DatasetSummary dataset) {
        return dataset.status().label() + "  ·  " + dataset.info().classCount() + " classes  ·  " + dataset.info().shape();
    }

    /** "MNIST-mini", in the list followed by its {@link #details}. */
    private static final class SummaryCell extends ListCell<DatasetSummary> {
        private final boolean withDetails;

        SummaryCell(boolean withDetails) {
            this.withDetails = withDetails;
        }

        @Override
        protected void updateItem(DatasetSummary item, boolean empty) {
            super.updateItem(item, empty);
            setText(empty || item == null ? null
                    : item.info().displayName() + (withDetails ? "  ·  " + details(item) : ""));
        }
    }
}
