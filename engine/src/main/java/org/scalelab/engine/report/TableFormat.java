package org.scalelab.engine.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;

/**
 * The formats a results table is written in: aligned text for a terminal, Markdown for notes, CSV for
 * spreadsheets (numbers as numbers, each range in min and max columns), LaTeX and HTML for reports.
 */
public enum TableFormat {
    TEXT("txt", "Text"),
    MARKDOWN("md", "Markdown"),
    CSV("csv", "CSV"),
    LATEX("tex", "LaTeX"),
    HTML("html", "HTML");

    private final String extension;
    private final String label;

    TableFormat(String extension, String label) {
        this.extension = extension;
        this.label = label;
    }

    /** How menus name it. */
    public String label() {
        return label;
    }

    public String extension() {
        return extension;
    }

    /** The format a file extension names ({@code md}, {@code csv}, …). */
    public static java.util.Optional<TableFormat> byExtension(String extension) {
        for (TableFormat format : values()) {
            if (format.extension.equals(extension.toLowerCase(Locale.ROOT))) {
                return java.util.Optional.of(format);
            }
        }
        return java.util.Optional.empty();
    }

    public String render(ReportTable table) {
        return switch (this) {
            case TEXT -> text(table);
            case MARKDOWN -> markdown(table);
            case CSV -> csv(table);
            case LATEX -> latex(table);
            case HTML -> html(table);
        };
    }

    private static String text(ReportTable table) {
        List<List<String>> lines = shownRows(table);
        int[] widths = new int[table.columns().size()];
        for (List<String> line : lines) {
            for (int c = 0; c < line.size(); c++) {
                widths[c] = Math.max(widths[c], line.get(c).length());
            }
        }
        StringBuilder out = new StringBuilder();
        for (List<String> line : lines) {
            StringBuilder row = new StringBuilder();
            for (int c = 0; c < line.size(); c++) {
                boolean number = table.columns().get(c).unit() != ReportTable.Unit.TEXT;
                row.append(c == 0 ? "" : "  ").append(String.format("%" + (number ? "" : "-") + widths[c] + "s", line.get(c)));
            }
            out.append(row.toString().stripTrailing()).append('\n');
        }
        return out.toString();
    }

    private static String markdown(ReportTable table) {
        StringBuilder out = new StringBuilder();
        List<List<String>> lines = shownRows(table);
        out.append(row(lines.get(0), TableFormat::markdownCell, "| ", " | ", " |"));
        StringBuilder rule = new StringBuilder("|");
        table.columns().forEach(column -> rule.append(column.unit() == ReportTable.Unit.TEXT ? "---|" : "---:|"));
        out.append(rule).append('\n');
        lines.subList(1, lines.size()).forEach(line -> out.append(row(line, TableFormat::markdownCell, "| ", " | ", " |")));
        return out.toString();
    }

    private static String latex(ReportTable table) {
        StringBuilder columns = new StringBuilder();
        table.columns().forEach(column -> columns.append(column.unit() == ReportTable.Unit.TEXT ? 'l' : 'r'));
        List<List<String>> lines = shownRows(table);
        StringBuilder out = new StringBuilder("\\begin{table}[ht]\n\\centering\n\\caption{" + latexCell(table.title())
                + "}\n\\begin{tabular}{" + columns + "}\n\\hline\n");
        out.append(row(lines.get(0), TableFormat::latexCell, "", " & ", " \\\\")).append("\\hline\n");
        lines.subList(1, lines.size()).forEach(line -> out.append(row(line, TableFormat::latexCell, "", " & ", " \\\\")));
        return out.append("\\hline\n\\end{tabular}\n\\end{table}\n").toString();
    }

    private static String html(ReportTable table) {
        List<List<String>> lines = shownRows(table);
        StringBuilder out = new StringBuilder("<table>\n<caption>" + htmlCell(table.title()) + "</caption>\n<thead>\n");
        out.append(row(lines.get(0), cell -> "<th>" + htmlCell(cell) + "</th>", "<tr>", "", "</tr>")).append("</thead>\n<tbody>\n");
        for (List<String> line : lines.subList(1, lines.size())) {
            List<String> cells = new ArrayList<>();
            for (int c = 0; c < line.size(); c++) {
                boolean number = table.columns().get(c).unit() != ReportTable.Unit.TEXT;
                cells.add((number ? "<td class=\"number\">" : "<td>") + htmlCell(line.get(c)) + "</td>");
            }
            out.append(row(cells, UnaryOperator.identity(), "<tr>", "", "</tr>"));
        }
        return out.append("</tbody>\n</table>\n").toString();
    }

    /** A header row of keys, then the values; a column with a range gets its min and max columns beside it. */
    private static String csv(ReportTable table) {
        List<String> header = new ArrayList<>();
        for (int c = 0; c < table.columns().size(); c++) {
            String key = table.columns().get(c).key();
            header.add(key);
            if (table.hasRange(c)) {
                header.add(key + "_min");
                header.add(key + "_max");
            }
        }
        StringBuilder out = new StringBuilder(row(header, TableFormat::csvCell, "", ",", ""));
        for (List<ReportTable.Cell> cells : table.rows()) {
            List<String> values = new ArrayList<>();
            for (int c = 0; c < cells.size(); c++) {
                ReportTable.Cell cell = cells.get(c);
                if (cell instanceof ReportTable.Number number) {
                    values.add(plain(number.value()));
                    if (table.hasRange(c)) {
                        values.add(plain(number.min()));
                        values.add(plain(number.max()));
                    }
                } else {
                    values.add(((ReportTable.Text) cell).text());
                }
            }
            out.append(row(values, TableFormat::csvCell, "", ",", ""));
        }
        return out.toString();
    }

    /** The header, then every row as shown. */
    private static List<List<String>> shownRows(ReportTable table) {
        List<List<String>> lines = new ArrayList<>();
        lines.add(table.headers());
        lines.addAll(table.shownRows());
        return lines;
    }

    private static String row(List<String> cells, UnaryOperator<String> escape, String start, String separator, String end) {
        return start + String.join(separator, cells.stream().map(escape).toList()) + end + "\n";
    }

    /** Plain digits, no grouping, as many as needed: what a spreadsheet reads as a number. */
    private static String plain(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return "";
        }
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? String.valueOf((long) value)
                : String.valueOf(value);
    }

    private static String csvCell(String cell) {
        return cell.contains(",") || cell.contains("\"") || cell.contains("\n")
                ? "\"" + cell.replace("\"", "\"\"") + "\"" : cell;
    }

    private static String markdownCell(String cell) {
        return cell.replace("|", "\\|");
    }

    private static String latexCell(String cell) {
        return cell.replace("\\", "\\textbackslash{}").replace("&", "\\&").replace("%", "\\%").replace("_", "\\_")
                .replace("#", "\\#").replace("×", "$\\times$").replace("—", "---").replace("–", "--");
    }

    private static String htmlCell(String cell) {
        return cell.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
