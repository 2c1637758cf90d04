package org.scalelab.app.charts;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scalelab.engine.report.ChartFormat;
import org.scalelab.engine.runs.report.ChartBook;
import org.scalelab.engine.runs.report.ChartKind;

class ChartFormatTest {
    @TempDir
    Path folder;

    @Test
    void pngIsThreeTimesTheLogicalSize() throws Exception {
        ChartBook book = new ChartBook();
        book.addRun("").testLoss(1, 0.4);
        Path file = folder.resolve("loss.png");
        ChartFormat.PNG.write(book.chart(ChartKind.LOSS), file);
        ExportAssertions.assertChartPng(file);
    }

    @Test
    void svgIsWellFormedXmlWithTheChartTitle() throws Exception {
        Path file = folder.resolve("speedup.svg");
        ChartFormat.SVG.write(new ChartBook().chart(ChartKind.SPEEDUP), file);
        assertTrue(ExportAssertions.assertSvg(file).contains("Speedup vs serial"));
    }
}
