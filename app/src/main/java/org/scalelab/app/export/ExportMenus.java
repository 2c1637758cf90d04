package org.scalelab.app.export;

import java.io.IOException;
import java.nio.file.Files;
import java.util.function.Supplier;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import org.scalelab.app.ui.Dialogs;

/** The "Export table" menu every table view offers: CSV, Markdown or LaTeX. */
public final class ExportMenus {
    private ExportMenus() {
    }

    public static MenuButton table(Supplier<Table> table) {
        MenuButton menu = new MenuButton("Export table");
        for (TableFormat format : TableFormat.values()) {
            MenuItem item = new MenuItem(format.name().charAt(0) + format.name().substring(1).toLowerCase() + " (." + format.extension() + ")");
            item.setOnAction(e -> {
                Table current = table.get();
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
