package org.scalelab.engine.report;

import java.util.List;
import java.util.Locale;

/**
 * A results table whose cells keep their values: text formats show numbers rounded with their unit and range
 * ("1.38× (1.31–1.54)"), CSV writes the numbers themselves, the range in columns of its own.
 *
 * @param title   a caption
 * @param columns what each column holds
 * @param rows    one cell per column
 */
public record ReportTable(String title, List<Column> columns, List<List<Cell>> rows) {

    public ReportTable {
        columns = List.copyOf(columns);
        rows = rows.stream().map(List::copyOf).toList();
        for (List<Cell> row : rows) {
            if (row.size() != columns.size()) {
                throw new IllegalArgumentException("a row of " + row.size() + " cells for " + columns.size() + " columns");
            }
        }
    }

    /**
     * A column.
     *
     * @param header its name in text formats
     * @param key    its name in CSV: lower case, no spaces or units
     * @param unit   how its numbers are shown
     */
    public record Column(String header, String key, Unit unit) {
    }

    /** How a number is written for people; CSV writes it plain. */
    public enum Unit {
        TEXT("%s"),
        /** A number already written out, with its own unit: text, but aligned as numbers are. */
        FIGURE("%s"),
        INTEGER("%,.0f"),
        SECONDS("%,.1f s"),
        RATE("%,.0f"),
        TIMES("%.2f×"),
        /** A fraction shown as a percentage: 0.181 is "18.1 %". */
        PERCENT("%.1f %%"),
        DECIMAL("%.4f");

        private final String pattern;

        Unit(String pattern) {
            this.pattern = pattern;
        }

        String format(double value) {
            return String.format(Locale.ROOT, pattern, this == PERCENT ? 100 * value : value);
        }
    }

    /** A cell: text, or a number with the range it varied over. */
    public sealed interface Cell {
        static Cell text(String text) {
            return new Text(text);
        }

        static Cell number(double value) {
            return new Number(value, value, value);
        }

        static Cell number(double value, double min, double max) {
            return new Number(value, min, max);
        }
    }

    public record Text(String text) implements Cell {
    }

    /** @param value NaN when there is none: shown as a dash, left empty in CSV */
    public record Number(double value, double min, double max) implements Cell {
        boolean varies() {
            return !Double.isNaN(min) && max > min;
        }

        String shown(Unit unit) {
            if (Double.isNaN(value)) {
                return "—";
            }
            String shown = unit.format(value);
            return varies() ? shown + " (" + unit.format(min) + "–" + unit.format(max) + ")" : shown;
        }
    }

    /** Whether any cell of the column has a range, so CSV gives it min and max columns. */
    boolean hasRange(int column) {
        return rows.stream().anyMatch(row -> row.get(column) instanceof Number n && n.varies());
    }

    /** A table of text alone, as a view shows it: CSV then writes what the view shows. */
    public static ReportTable ofText(String title, List<String> headers, List<List<String>> rows) {
        return ofText(title, headers, new boolean[headers.size()], rows);
    }

    /** The same with some columns holding figures written as text, aligned as numbers. */
    public static ReportTable ofText(String title, List<String> headers, boolean[] figures, List<List<String>> rows) {
        List<Column> columns = new java.util.ArrayList<>();
        for (int c = 0; c < headers.size(); c++) {
            String header = headers.get(c);
            columns.add(new Column(header, header.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_")
                    .replaceAll("^_|_$", ""), c < figures.length && figures[c] ? Unit.FIGURE : Unit.TEXT));
        }
        return new ReportTable(title, columns, rows.stream().map(row -> row.stream().map(Cell::text).toList()).toList());
    }

    public List<String> headers() {
        return columns.stream().map(Column::header).toList();
    }

    /** Every row as text formats show it, without the header. */
    public List<List<String>> shownRows() {
        return rows.stream().map(row -> {
            List<String> shown = new java.util.ArrayList<>();
            for (int c = 0; c < row.size(); c++) {
                shown.add(shown(c, row.get(c)));
            }
            return shown;
        }).toList();
    }

    /** The cell as text formats show it. */
    String shown(int column, Cell cell) {
        return cell instanceof Number number ? number.shown(columns.get(column).unit()) : ((Text) cell).text();
    }
}
