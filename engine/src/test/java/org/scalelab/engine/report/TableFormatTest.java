package org.scalelab.engine.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.scalelab.engine.report.ReportTable.Cell;
import org.scalelab.engine.report.ReportTable.Column;
import org.scalelab.engine.report.ReportTable.Unit;

class TableFormatTest {
    private final ReportTable text = ReportTable.ofText("Scaling 50% faster", List.of("config", "time (s)"),
            List.of(List.of("2P×2T", "31.5"), List.of("a, \"b\" | c_d", "1")));

    private final ReportTable figures = new ReportTable("Study", List.of(
            new Column("Configuration", "configuration", Unit.TEXT),
            new Column("Speedup", "speedup", Unit.TIMES),
            new Column("Test accuracy", "test_accuracy", Unit.PERCENT)), List.of(
            List.of(Cell.text("serial"), Cell.number(1.0), Cell.number(0.9)),
            List.of(Cell.text("mpj 2×1"), Cell.number(1.38, 1.31, 1.54), Cell.number(Double.NaN))));

    @Test
    void csvQuotesCellsWithCommasAndQuotes() {
        assertEquals("config,time_s\n2P×2T,31.5\n\"a, \"\"b\"\" | c_d\",1\n", TableFormat.CSV.render(text));
    }

    @Test
    void csvWritesNumbersAsNumbersAndRangesInColumnsOfTheirOwn() {
        assertEquals("configuration,speedup,speedup_min,speedup_max,test_accuracy\n"
                + "serial,1,1,1,0.9\n"
                + "mpj 2×1,1.38,1.31,1.54,\n", TableFormat.CSV.render(figures));
    }

    @Test
    void textFormatsShowUnitsRangesAndADashForNothing() {
        String markdown = TableFormat.MARKDOWN.render(figures);
        assertTrue(markdown.contains("| mpj 2×1 | 1.38× (1.31×–1.54×) | — |"), markdown);
        assertTrue(markdown.contains("| serial | 1.00× | 90.0 % |"), markdown);
        assertTrue(markdown.contains("|---|---:|---:|"), markdown);
    }

    @Test
    void markdownEscapesPipes() {
        assertEquals("| config | time (s) |\n|---|---|\n| 2P×2T | 31.5 |\n| a, \"b\" \\| c_d | 1 |\n",
                TableFormat.MARKDOWN.render(text));
    }

    @Test
    void latexEscapesSpecialCharactersAndWritesATabular() {
        String latex = TableFormat.LATEX.render(figures);
        assertTrue(latex.contains("\\caption{Study}"), latex);
        assertTrue(latex.contains("\\begin{tabular}{lrr}"), latex);
        assertTrue(latex.contains("mpj 2$\\times$1 & 1.38$\\times$ (1.31$\\times$--1.54$\\times$) & --- \\\\"), latex);
        assertTrue(TableFormat.LATEX.render(text).contains("c\\_d") && TableFormat.LATEX.render(text).contains("50\\%"));
    }

    @Test
    void htmlEscapesAndMarksNumbers() {
        String html = TableFormat.HTML.render(figures);
        assertTrue(html.contains("<td class=\"number\">1.38× (1.31×–1.54×)</td>"), html);
        assertTrue(TableFormat.HTML.render(ReportTable.ofText("t", List.of("a"), List.of(List.of("<b>"))))
                .contains("<td>&lt;b&gt;</td>"));
    }

    @Test
    void rejectsRowsThatDoNotMatchTheColumns() {
        assertThrows(IllegalArgumentException.class, () -> ReportTable.ofText("t", List.of("a", "b"), List.of(List.of("1"))));
    }
}
