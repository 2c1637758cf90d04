package org.scalelab.app.ui;

import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.value.ObservableValue;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.Tooltip;

/** Read-only table columns over record accessors or observable values, which is all the workbench's tables need. */
public final class Tables {
    private Tables() {
    }

    public static <R, V> TableColumn<R, V> column(String title, Function<R, V> value, double preferredWidth) {
        return boundColumn(title, row -> new ReadOnlyObjectWrapper<>(value.apply(row)), preferredWidth);
    }

    /** A column over values that change while shown: the cells follow them. */
    public static <R, V> TableColumn<R, V> boundColumn(String title, Function<R, ObservableValue<V>> value,
                                                       double preferredWidth) {
        TableColumn<R, V> column = new TableColumn<>(title);
        column.setCellValueFactory(cell -> value.apply(cell.getValue()));
        column.setCellFactory(cells -> new WholeTextCell<>());
        column.setPrefWidth(preferredWidth);
        return column;
    }

    /** A cell whose tooltip holds its whole text, for values that a narrow column cuts (long run names). */
    private static final class WholeTextCell<R, V> extends TableCell<R, V> {
        private final Tooltip whole = new Tooltip();

        @Override
        protected void updateItem(V item, boolean empty) {
            super.updateItem(item, empty);
            String text = empty || item == null ? null : item.toString();
            setText(text);
            whole.setText(text);
            setTooltip(text == null || text.isEmpty() ? null : whole);
        }
    }
}
