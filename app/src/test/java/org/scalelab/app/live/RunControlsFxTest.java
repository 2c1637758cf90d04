package org.scalelab.app.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** Run waits for ND4J's native libraries, saying so, and is enabled the moment they are loaded. */
@ExtendWith(ApplicationExtension.class)
class RunControlsFxTest {
    private final SimpleBooleanProperty nativeReady = new SimpleBooleanProperty(false);

    @Start
    void start(Stage stage) {
        stage.setScene(new Scene(new RunControls(new SimpleStringProperty(""), nativeReady, new SimpleBooleanProperty(false),
                () -> { }, () -> { }), 400, 200));
        stage.show();
    }

    @Test
    void runWaitsForTheNativeLibrariesAndSaysSo(FxRobot robot) {
        Button run = robot.lookup("#run").queryAs(Button.class);
        Label state = robot.lookup("#native-state").queryAs(Label.class);
        assertTrue(run.isDisabled());
        assertTrue(state.isVisible());
        assertEquals("preparing native libraries…", state.getText());

        robot.interact(() -> nativeReady.set(true));
        assertFalse(run.isDisabled());
        assertFalse(state.isVisible());
    }
}
