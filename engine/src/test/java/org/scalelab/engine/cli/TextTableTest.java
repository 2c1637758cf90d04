package org.scalelab.engine.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class TextTableTest {
    private final TextTable table = new TextTable(List.of("Model", "Parameters", "img/s"), false, true, true);

    TextTableTest() {
        table.add(List.of("mlp-235k", "235,146", "70,112"));
        table.add(List.of("tinycnn-8", "13,610", "9,870"));
    }

    private static String print(Consumer<PrintWriter> printer) {
        StringWriter text = new StringWriter();
        printer.accept(new PrintWriter(text, true));
        return text.toString();
    }

    @Test
    void textAlignsNamesLeftAndNumbersRight() {
        assertEquals("""
                Model      Parameters   img/s
                mlp-235k      235,146  70,112
                tinycnn-8      13,610   9,870
                """, print(table::printText));
    }

    @Test
    void markdownAlignsNumberColumnsRight() {
        assertEquals("""
                | Model | Parameters | img/s |
                |---|---:|---:|
                | mlp-235k | 235,146 | 70,112 |
                | tinycnn-8 | 13,610 | 9,870 |
                """, print(out -> table.print(out, true)));
    }
}
