package org.scalelab.app.ui;

import javafx.beans.value.ObservableStringValue;
import javafx.scene.control.Label;

/** Small building blocks shared by the setup panel's sections. */
public final class Forms {
    private Forms() {
    }

    /** A small capitalised heading above a group of fields. */
    public static Label section(String title) {
        Label label = new Label(title);
        label.getStyleClass().add("section-title");
        return label;
    }

    /** A wrapped message line that takes no room while its text is empty. */
    public static Label message(String styleClass, ObservableStringValue text) {
        Label label = new Label();
        label.getStyleClass().add(styleClass);
        label.setWrapText(true);
        label.textProperty().bind(text);
        label.visibleProperty().bind(label.textProperty().isNotEmpty());
        label.managedProperty().bind(label.visibleProperty());
        return label;
    }
}
