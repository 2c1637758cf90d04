package org.scalelab.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.scene.control.ComboBox;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.scalelab.app.setup.StrategyAvailability;
import org.scalelab.engine.config.Strategy;
import org.scalelab.engine.config.TrainingConfig;
import org.scalelab.engine.model.Architecture;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The workbench opens on the setup it had when it last closed; a damaged settings file only costs a line. */
@ExtendWith(ApplicationExtension.class)
class LastSetupFxTest {
    @TempDir
    static Path folder;

    private final ByteArrayOutputStream warnings = new ByteArrayOutputStream();
    private Stage stage;
    private WorkbenchWindow window;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        window = WorkbenchWindow.show(stage, folder, StrategyAvailability.ENGINE);
    }

    @Test
    void theNextLaunchOpensOnTheSetupTheLastOneClosedWith(FxRobot robot) {
        LastSetup lastSetup = lastSetup("kept-" + System.nanoTime() + ".json");
        robot.interact(() -> {
            @SuppressWarnings("unchecked")
            ComboBox<Architecture> architecture = robot.lookup("#architecture").queryAs(ComboBox.class);
            architecture.getSelectionModel().select(architecture.getItems().stream()
                    .filter(a -> a.name().equals("cnn-32")).findFirst().orElseThrow());
            robot.lookup("#strategy").queryAs(ComboBox.class).getSelectionModel().select(Strategy.THREADS);
            robot.lookup("#threads").queryAs(TextField.class).setText("2");
            robot.lookup("#batch").queryAs(TextField.class).setText("32");
            robot.lookup("#lr").queryAs(TextField.class).setText("0.05");
        });
        TrainingConfig closedWith = window.workbench().experiment().config().orElseThrow();
        robot.interact(() -> lastSetup.keepFrom(window.workbench().experiment()));

        robot.interact(() -> {
            window = WorkbenchWindow.show(stage, folder, StrategyAvailability.ENGINE);
            lastSetup.restoreInto(window.workbench().experiment());
        });
        assertEquals(closedWith, window.workbench().experiment().config().orElseThrow());
        assertEquals("32", robot.lookup("#batch").queryAs(TextField.class).getText());
        assertEquals(Strategy.THREADS, robot.lookup("#strategy").queryAs(ComboBox.class).getValue());
        assertEquals("cnn-32", ((Architecture) robot.lookup("#architecture").queryAs(ComboBox.class).getValue()).name());
        assertEquals("", warnings.toString(StandardCharsets.UTF_8));
    }

    @Test
    void aDamagedSetupIsIgnoredWithOneLineAndTheDefaultsOpen(FxRobot robot) throws IOException {
        TrainingConfig defaults = window.workbench().experiment().config().orElseThrow();
        for (String damaged : List.of("{\"batch\": 32, \"lr\":", "{\"batch\": \"many\"}", "[1, 2]", "")) {
            LastSetup lastSetup = lastSetup("damaged-" + System.nanoTime() + ".json");
            Files.createDirectories(lastSetup.file().getParent());
            Files.writeString(lastSetup.file(), damaged);
            warnings.reset();
            robot.interact(() -> lastSetup.restoreInto(window.workbench().experiment()));
            List<String> lines = warnings.toString(StandardCharsets.UTF_8).lines().toList();
            assertEquals(1, lines.size(), damaged + ": " + lines);
            assertTrue(lines.get(0).startsWith("scalelab: ignoring the last setup"), lines.get(0));
            assertEquals(defaults, window.workbench().experiment().config().orElseThrow(), damaged);
        }
    }

    private LastSetup lastSetup(String name) {
        return new LastSetup(folder.resolve("settings").resolve(name), new PrintStream(warnings, true, StandardCharsets.UTF_8));
    }
}
