package org.scalelab.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Labeled;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TableCell;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.scalelab.app.library.LibraryRow;
import org.scalelab.app.live.SyntheticRun;
import org.scalelab.app.setup.StrategyAvailability;
import org.scalelab.engine.config.OptimizerKind;
import org.scalelab.engine.config.Strategy;
import org.scalelab.engine.config.TrainingConfig;
import org.scalelab.engine.config.TrainingOptions;
import org.scalelab.engine.runs.RunStore;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The library at the README's 1440×900: whole names, tags and speedups; rename; run a saved run's settings again. */
@ExtendWith(ApplicationExtension.class)
class LibraryFxTest {
    @TempDir
    static Path folder;

    private static final String LONG_NAME = "threads 1×2 on the embedded digits, second try after the update";
    private static final TrainingConfig SAVED = TrainingConfig.defaults().with(TrainingOptions.STRATEGY, Strategy.THREADS)
            .with(TrainingOptions.THREADS, 2).with(TrainingOptions.BATCH, 32).with(TrainingOptions.OPTIMIZER, OptimizerKind.ADAM)
            .with(TrainingOptions.LR, 0.002).with(TrainingOptions.EPOCHS, 2);
    /** Its baseline: the same training, serial. */
    private static final TrainingConfig SERIAL = SAVED.with(TrainingOptions.STRATEGY, Strategy.SERIAL)
            .with(TrainingOptions.THREADS, 1);

    private Workbench workbench;
    private RunStore runs;

    @Start
    void start(Stage stage) {
        WorkbenchWindow window = WorkbenchWindow.show(stage, folder, StrategyAvailability.ENGINE, 1440, 860);
        workbench = window.workbench();
        runs = window.runs();
        runs.save(SyntheticRun.record("serial", SERIAL, Instant.now().minusSeconds(60), 0.02));
        runs.save(SyntheticRun.record("parallel", SAVED, Instant.now(), 0.012));
        runs.rename("parallel", LONG_NAME);
        runs.setTags("parallel", Set.of("second try", "after the update", "threads"));
        workbench.library().refresh();
        TabPane tabs = (TabPane) stage.getScene().getRoot().lookup(".tab-pane");
        tabs.getSelectionModel().select(tabs.getTabs().stream().filter(tab -> tab.getText().equals("Library"))
                .findFirst().orElseThrow());
    }

    @Test
    void runAgainPutsTheRunsSettingsIntoTheSetupPanel(FxRobot robot) {
        TableView<LibraryRow> table = library(robot);
        robot.interact(() -> table.getSelectionModel().select(row(table, LONG_NAME)));
        robot.interact(() -> robot.lookup("#run-again").queryAs(Button.class).fire());
        assertEquals(SAVED, workbench.experiment().config().orElseThrow());
        assertEquals("32", robot.lookup("#batch").queryAs(TextField.class).getText());
        assertEquals(Strategy.THREADS, robot.lookup("#strategy").queryAs(ComboBox.class).getValue());

        List<MenuItem> menu = table.getContextMenu().getItems();
        assertEquals("Run again with these settings", menu.get(0).getText());
        robot.interact(() -> table.getSelectionModel().select(row(table, "serial")));
        robot.interact(() -> menu.get(0).fire());
        assertEquals(SERIAL, workbench.experiment().config().orElseThrow());
    }

    @Test
    void renamingKeepsTheRunSelected(FxRobot robot) throws Exception {
        TableView<LibraryRow> table = library(robot);
        robot.interact(() -> table.getSelectionModel().select(row(table, "serial")));
        Platform.runLater(() -> robot.lookup("#rename").queryAs(Button.class).fire()); // the dialog waits for an answer
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup(".dialog-pane").tryQuery().isPresent());
        DialogPane dialog = robot.lookup(".dialog-pane").queryAs(DialogPane.class);
        robot.interact(() -> {
            robot.from(dialog).lookup(".text-field").queryAs(TextField.class).setText("serial, renamed");
            ((Button) dialog.lookupButton(ButtonType.OK)).fire();
        });
        assertEquals(1, table.getSelectionModel().getSelectedItems().size());
        assertEquals("serial, renamed", table.getSelectionModel().getSelectedItem().name());
    }

    @Test
    void namesTagsAndSpeedupsAreWholeAndSoIsTheDatasetsName(FxRobot robot) {
        TableView<LibraryRow> table = library(robot);
        WaitForAsyncUtils.waitForFxEvents();
        LibraryRow parallel = row(table, LONG_NAME);
        for (String whole : List.of(LONG_NAME, parallel.tags(), parallel.speedup())) {
            TableCell<?, ?> cell = robot.lookup("#library .table-cell").queryAllAs(TableCell.class).stream()
                    .filter(c -> whole.equals(c.getText())).findFirst().orElseThrow(() -> new AssertionError(whole));
            assertShownWhole(cell, whole);
        }
        assertFalse(parallel.speedup().equals("–"), "measured against the serial run");
        Labeled dataset = robot.lookup("#dataset").queryAs(ComboBox.class).getButtonCell();
        assertTrue(dataset.getText().startsWith("MNIST mini"), dataset.getText());
        assertShownWhole(dataset, dataset.getText());
    }

    /** Thirteen columns and ten toolbar controls at 1440 px: every cell and every button shows its whole text. */
    @Test
    void everyColumnAndEveryToolbarButtonIsWhole(FxRobot robot) {
        library(robot);
        WaitForAsyncUtils.waitForFxEvents();
        for (Labeled labeled : robot.lookup("#library-toolbar .button").queryAllAs(Labeled.class)) {
            assertShownWhole(labeled, labeled.getText());
        }
        for (TableCell<?, ?> cell : robot.lookup("#library .table-cell").queryAllAs(TableCell.class)) {
            if (cell.getText() != null && !cell.getText().isEmpty() && cell.lookup(".text") != null) {
                assertShownWhole(cell, cell.getText());
            }
        }
    }

    /** A labeled control cut short shows its text with an ellipsis in its text node. */
    private static void assertShownWhole(Labeled labeled, String whole) {
        Text shown = (Text) labeled.lookup(".text");
        assertEquals(whole, shown.getText(), "cut at " + labeled.getWidth() + " px");
    }

    @SuppressWarnings("unchecked")
    private static TableView<LibraryRow> library(FxRobot robot) {
        return robot.lookup("#library").queryAs(TableView.class);
    }

    private static LibraryRow row(TableView<LibraryRow> table, String name) {
        return table.getItems().stream().filter(row -> row.name().equals(name)).findFirst().orElseThrow();
    }
}
