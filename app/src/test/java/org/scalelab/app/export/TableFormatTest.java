package org.scalelab.app.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class TableFormatTest {
    private final Table table = new Table("Scaling 50% faster", List.of("config", "time (s)"),
            List.of(List.of("2P×2T", "31.5"), List.of("a, \"b\" | c_d", "1")));

    @Test
    void csvQuotesCellsWithCommasAndQuotes() {
        assertEquals("config,time (s)\n2P×2T,31.5\n\"a, \"\"b\"\" | c_d\",1\n", TableFormat.CSV.render(table));
    }

    @Test
    void markdownEscapesPipes() {
        assertEquals("| config | time (s) |\n| --- | --- |\n| 2P×2T | 31.5 |\n| a, \"b\" \\| c_d | 1 |\n",
                TableFormat.MARKDOWN.render(table));
    }

    @Test
    void latexEscapesSpecialCharactersAndWritesATabular() {
        String latex = TableFormat.LATEX.render(table);
        assertTrue(latex.contains("\\caption{Scaling 50\\% faster}"), latex);
        assertTrue(latex.contains("\\begin{tabular}{lr}"), latex);
        assertTrue(latex.contains("2P$\\times$2T & 31.5 \\\\"), latex);
        assertTrue(latex.contains("c\\_d"), latex);
    }

    @Test
    void rejectsRowsThatDoNotMatchTheHeaders() {
        assertThrows(IllegalArgumentException.class, () -> new Table("t", List.of("a", "b"), List.of(List.of("1"))));
    }
}
