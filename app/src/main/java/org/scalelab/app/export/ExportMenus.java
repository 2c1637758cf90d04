package org.scalelab.app.export;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.function.Supplier;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import org.scalelab.app.ui.Dialogs;
import org.scalelab.engine.report.ReportTable;
import org.scalelab.engine.report.TableFormat;
import org.scalelab.engine.runs.report.ReportExport;

/** The "Export table" menu every table view offers: CSV, Markdown, LaTeX or HTML. */
public final class ExportMenus {
    private ExportMenus() {
    }

    public static MenuButton table(Supplier<ReportTable> table) {
        MenuButton menu = new MenuButton("Export table");
        for (TableFormat format : ReportExport.TABLE_FORMATS) {
            MenuItem item = new MenuItem(format.label() + " (." + format.extension() + ")");
            item.setOnAction(e -> {
                ReportTable current = table.get();
                Dialogs.saveFile(menu, current.title().toLowerCase() + "." + format.extension(), format.extension())
                        .ifPresent(file -> {
                            try {
                                Files.writeString(file.toPath(), format.render(current));
                            } catch (IOException problem) {
                                Dialogs.error(menu, "Could not export the table", problem);
                            }
                        });
            });
            menu.getItems().add(item);
        }
        return menu;
    }
}
