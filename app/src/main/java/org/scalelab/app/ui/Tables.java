package org.scalelab.app.ui;

import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.control.TableColumn;

/** Read-only table columns over record accessors, which is all the workbench's tables need. */
public final class Tables {
    private Tables() {
    }

    public static <R, V> TableColumn<R, V> column(String title, Function<R, V> value, double preferredWidth) {
        TableColumn<R, V> column = new TableColumn<>(title);
        column.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(value.apply(cell.getValue())));
        column.setPrefWidth(preferredWidth);
        return column;
    }
}
