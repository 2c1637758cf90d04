package org.scalelab.app.ui;

import java.io.File;
import java.util.Optional;
import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/** The few dialogs the workbench opens, so every view asks and reports the same way. */
public final class Dialogs {
    private Dialogs() {
    }

    /** Shows what failed in plain words: the heading, then the exception's own message (not a stack trace). */
    public static void error(Node owner, String heading, Exception problem) {
        Alert alert = new Alert(Alert.AlertType.ERROR);
        alert.initOwner(window(owner));
        alert.setHeaderText(heading);
        alert.setContentText(problem.getMessage() == null ? problem.toString() : problem.getMessage());
        alert.show();
    }

    /** Asks a yes-or-no question and waits for the answer; true for OK. */
    public static boolean confirm(Node owner, String heading, String question) {
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, question);
        alert.initOwner(window(owner));
        alert.setHeaderText(heading);
        return alert.showAndWait().filter(answer -> answer == javafx.scene.control.ButtonType.OK).isPresent();
    }

    /** Says that something finished and where its result is. */
    public static void info(Node owner, String heading, String message) {
        Alert alert = new Alert(Alert.AlertType.INFORMATION);
        alert.initOwner(window(owner));
        alert.setHeaderText(heading);
        alert.setContentText(message);
        alert.show();
    }

    /** Asks where to save a file of one type; empty when the user cancels. */
    public static Optional<File> saveFile(Node owner, String suggestedName, String extension) {
        FileChooser chooser = new FileChooser();
        chooser.setInitialFileName(suggestedName);
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(extension.toUpperCase(), "*." + extension));
        return Optional.ofNullable(chooser.showSaveDialog(window(owner)));
    }

    /** Asks for an existing file of one type; empty when the user cancels. */
    public static Optional<File> openFile(Node owner, String title, String extension) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(extension.toUpperCase(), "*." + extension));
        return Optional.ofNullable(chooser.showOpenDialog(window(owner)));
    }

    /** Asks for an existing file of any name (host files have no usual extension); empty when the user cancels. */
    public static Optional<File> openAnyFile(Node owner, String title) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        return Optional.ofNullable(chooser.showOpenDialog(window(owner)));
    }

    /** Asks for a folder; empty when the user cancels. */
    public static Optional<File> chooseFolder(Node owner, String title) {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle(title);
        return Optional.ofNullable(chooser.showDialog(window(owner)));
    }

    private static Window window(Node owner) {
        return owner.getScene() == null ? null : owner.getScene().getWindow();
    }
}
