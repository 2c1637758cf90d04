package org.scalelab.engine.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/** Rows printed either as aligned plain text (numbers right-aligned) or as a Markdown table. */
final class TextTable {
    private final List<String> header;
    private final boolean[] numeric;
    private final List<List<String>> rows = new ArrayList<>();

    /** @param numeric which columns hold numbers (right-aligned) */
    TextTable(List<String> header, boolean... numeric) {
        this.header = List.copyOf(header);
        this.numeric = numeric.clone();
    }

    void add(List<String> row) {
        rows.add(List.copyOf(row));
    }

    void print(PrintWriter out, boolean markdown) {
        if (markdown) {
            printMarkdown(out);
        } else {
            printText(out);
        }
    }

    void printText(PrintWriter out) {
        int[] widths = new int[header.size()];
        for (List<String> row : allRows()) {
            for (int c = 0; c < row.size(); c++) {
                widths[c] = Math.max(widths[c], row.get(c).length());
            }
        }
        for (List<String> row : allRows()) {
            StringBuilder line = new StringBuilder();
            for (int c = 0; c < row.size(); c++) {
                String format = "%" + (numeric[c] ? "" : "-") + widths[c] + "s";
                line.append(c == 0 ? "" : "  ").append(String.format(format, row.get(c)));
            }
            out.println(line.toString().stripTrailing());
        }
    }

    void printMarkdown(PrintWriter out) {
        out.println("| " + String.join(" | ", header) + " |");
        StringBuilder rule = new StringBuilder("|");
        for (boolean number : numeric) {
            rule.append(number ? "---:|" : "---|");
        }
        out.println(rule);
        for (List<String> row : rows) {
            out.println("| " + String.join(" | ", row) + " |");
        }
    }

    private List<List<String>> allRows() {
        List<List<String>> all = new ArrayList<>();
        all.add(header);
        all.addAll(rows);
        return all;
    }
}
