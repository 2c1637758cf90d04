package org.scalelab.app;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import javafx.geometry.Bounds;
import javafx.geometry.Rectangle2D;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.scalelab.app.setup.StrategyAvailability;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** On a 1366×768 laptop screen the window fits, and Run and the status bar stay in sight whatever the setup says. */
@ExtendWith(ApplicationExtension.class)
class SmallScreenFxTest {
    @TempDir
    static Path folder;

    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        WindowPlacement placement = WindowPlacement.fitted(folder.resolve("window.properties"),
                new Rectangle2D(0, 0, 1366, 768));
        WorkbenchWindow.show(stage, folder, StrategyAvailability.ENGINE, placement.width(), placement.height());
    }

    @Test
    void runAndTheStatusBarAreVisibleWithAnErrorAndAWarningInTheSetup(FxRobot robot) {
        robot.interact(() -> {
            robot.lookup("#strategy").queryAs(javafx.scene.control.ComboBox.class).getSelectionModel().select(
                    org.scalelab.engine.config.Strategy.THREADS);
            robot.lookup("#threads").queryAs(TextField.class).setText("64"); // more than the cores: a warning
            robot.lookup("#batch").queryAs(TextField.class).setText("0"); // an error
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(robot.lookup("#oversubscription").queryAs(Label.class).isVisible());
        assertTrue(robot.lookup("#blocked-reason").queryAs(Label.class).isVisible());
        assertWithinWindow(robot.lookup("#run").query(), "Run");
        assertWithinWindow(robot.lookup("#blocked-reason").query(), "the reason Run is blocked");
        assertWithinWindow(robot.lookup(".status-bar").query(), "the status bar");
        assertWithinWindow(robot.lookup(".app-header").query(), "the header");
    }

    private void assertWithinWindow(Node node, String what) {
        Bounds bounds = node.localToScene(node.getBoundsInLocal());
        double height = stage.getScene().getHeight();
        assertTrue(node.isVisible() && bounds.getMinY() >= 0 && bounds.getMaxY() <= height,
                what + " at " + bounds.getMinY() + "–" + bounds.getMaxY() + " in a " + height + " px high window");
    }
}
