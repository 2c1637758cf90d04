package org.scalelab.app.ui;

import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.value.ObservableValue;
import javafx.collections.ListChangeListener;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.text.Font;
import javafx.scene.text.Text;

/** Read-only table columns over record accessors or observable values, which is all the workbench's tables need. */
public final class Tables {
    /** A cell's padding and borders, and room for italics (cancelled runs) and the header's sort arrow. */
    private static final double CELL_PADDING = 26;
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

    /**
     * Makes each column exactly as wide as its widest text, header or cell, now and whenever the rows change: with
     * an unconstrained resize policy the table then scrolls sideways rather than cutting any text.
     */
    public static void widthsFromContent(TableView<?> table) {
        Runnable fit = () -> {
            for (TableColumn<?, ?> column : table.getColumns()) {
                double width = CELL_PADDING + textWidth(column.getText());
                for (int row = 0; row < table.getItems().size(); row++) {
                    Object value = column.getCellData(row);
                    width = Math.max(width, CELL_PADDING + textWidth(value == null ? "" : value.toString()));
                }
                column.setMinWidth(width);
                column.setPrefWidth(width);
            }
        };
        table.getItems().addListener((ListChangeListener<Object>) change -> fit.run());
        fit.run();
    }

    private static double textWidth(String text) {
        Text measured = new Text(text);
        measured.setFont(Font.getDefault());
        return Math.ceil(measured.getLayoutBounds().getWidth());
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
