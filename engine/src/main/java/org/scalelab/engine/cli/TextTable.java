package org.scalelab.engine.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.scalelab.engine.report.ReportTable;
import org.scalelab.engine.report.TableFormat;

/**
 * Rows of text built a row at a time, printed as aligned plain text (numbers right-aligned) or as a Markdown
 * table by the report's {@link TableFormat}: the terminal's tables and the exported ones are drawn by one renderer.
 */
final class TextTable {
    private final List<String> header;
    private final boolean[] numeric;
    private final List<List<String>> rows = new ArrayList<>();

    /** @param numeric which columns hold numbers (right-aligned) */
    TextTable(List<String> header, boolean... numeric) {
        this.header = List.copyOf(header);
        this.numeric = numeric.clone();
    }

    /** A table whose every column holds numbers. */
    static TextTable allNumeric(List<String> header) {
        boolean[] numeric = new boolean[header.size()];
        Arrays.fill(numeric, true);
        return new TextTable(header, numeric);
    }

    void add(List<String> row) {
        rows.add(List.copyOf(row));
    }

    void print(PrintWriter out, boolean markdown) {
        out.print((markdown ? TableFormat.MARKDOWN : TableFormat.TEXT).render(ReportTable.ofText("", header, numeric, rows)));
    }

    void printText(PrintWriter out) {
        print(out, false);
    }
}
