package org.scalelab.app.export;

import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/** The text formats a table exports to: CSV for spreadsheets, Markdown for notes, LaTeX for reports. */
public enum TableFormat {
    CSV("csv") {
        @Override
        public String render(Table table) {
            return row(table.headers(), TableFormat::csvCell, ",", "", "") + "\n"
                    + body(table, TableFormat::csvCell, ",", "", "");
        }
    },
    MARKDOWN("md") {
        @Override
        public String render(Table table) {
            String header = row(table.headers(), TableFormat::markdownCell, " | ", "| ", " |");
            String rule = row(table.headers().stream().map(h -> "---").toList(), UnaryOperator.identity(), " | ", "| ", " |");
            return header + "\n" + rule + "\n" + body(table, TableFormat::markdownCell, " | ", "| ", " |");
        }
    },
    LATEX("tex") {
        @Override
        public String render(Table table) {
            String columns = "l" + "r".repeat(table.headers().size() - 1);
            return "\\begin{table}[ht]\n\\centering\n\\caption{" + latexCell(table.title()) + "}\n"
                    + "\\begin{tabular}{" + columns + "}\n\\hline\n"
                    + row(table.headers(), TableFormat::latexCell, " & ", "", " \\\\") + "\n\\hline\n"
                    + body(table, TableFormat::latexCell, " & ", "", " \\\\")
                    + "\\hline\n\\end{tabular}\n\\end{table}\n";
        }
    };

    private final String extension;

    TableFormat(String extension) {
        this.extension = extension;
    }

    public String extension() {
        return extension;
    }

    public abstract String render(Table table);

    private static String body(Table table, UnaryOperator<String> escape, String separator, String start, String end) {
        return table.rows().stream()
                .map(cells -> row(cells, escape, separator, start, end) + "\n")
                .collect(Collectors.joining());
    }

    private static String row(List<String> cells, UnaryOperator<String> escape, String separator, String start, String end) {
        return cells.stream().map(escape).collect(Collectors.joining(separator, start, end));
    }

    /** RFC 4180: quote cells holding a comma, a quote or a line break, doubling inner quotes. */
    private static String csvCell(String cell) {
        if (cell.contains(",") || cell.contains("\"") || cell.contains("\n") || cell.contains("\r")) {
            return "\"" + cell.replace("\"", "\"\"") + "\"";
        }
        return cell;
    }

    private static String markdownCell(String cell) {
        return cell.replace("\\", "\\\\").replace("|", "\\|").replace("\n", " ");
    }

    private static String latexCell(String cell) {
        StringBuilder out = new StringBuilder(cell.length());
        for (char c : cell.toCharArray()) {
            switch (c) {
                case '\\' -> out.append("\\textbackslash{}");
                case '~' -> out.append("\\textasciitilde{}");
                case '^' -> out.append("\\textasciicircum{}");
                case '&', '%', '$', '#', '_', '{', '}' -> out.append('\\').append(c);
                case '×' -> out.append("$\\times$");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
