package org.scalelab.engine.report;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.pdf.PDFDocument;
import org.jfree.pdf.Page;

/**
 * One PDF holding a report: its title and text (tables as aligned text) on the first pages, then a page per chart,
 * every page the size of a chart, all of it vectors. Studies and the workbench's (and {@code runs export}'s)
 * reports are written by it.
 */
public final class PdfReport {
    private static final int MARGIN = 20;
    private static final int TITLE_BASELINE = 28;
    private static final int FIRST_LINE = 48;

    private PdfReport() {
    }

    /**
     * @param lines text in a fixed-width font, small enough for the widest line to fit the page; pages follow as
     *              the lines need
     */
    public static void write(Path file, String title, List<String> lines, List<JFreeChart> charts) throws IOException {
        PDFDocument document = new PDFDocument();
        document.setTitle(title);
        Rectangle2D bounds = new Rectangle2D.Double(0, 0, ChartFormat.WIDTH, ChartFormat.HEIGHT);
        int size = fontSizeFor(lines);
        Graphics2D page = textPage(document, bounds, title);
        int y = FIRST_LINE;
        for (String line : lines) {
            if (y > ChartFormat.HEIGHT - MARGIN) {
                page = textPage(document, bounds, title + " (continued)");
                y = FIRST_LINE;
            }
            page.setFont(new Font(Font.MONOSPACED, Font.PLAIN, size));
            page.drawString(line, MARGIN, y);
            y += size + 2;
        }
        for (JFreeChart chart : charts) {
            Page chartPage = document.createPage(bounds);
            chart.draw(chartPage.getGraphics2D(), bounds);
        }
        document.writeToFile(file.toFile());
    }

    private static Graphics2D textPage(PDFDocument document, Rectangle2D bounds, String heading) {
        Graphics2D page = document.createPage(bounds).getGraphics2D();
        page.setPaint(Color.WHITE);
        page.fill(bounds);
        page.setPaint(Color.BLACK);
        page.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 13));
        page.drawString(heading, MARGIN, TITLE_BASELINE);
        return page;
    }

    /** Small enough for the widest line to fit the page's width. */
    private static int fontSizeFor(List<String> lines) {
        int widest = lines.stream().mapToInt(String::length).max().orElse(80);
        return Math.max(4, Math.min(9, (int) ((ChartFormat.WIDTH - 2 * MARGIN) / (0.6 * widest))));
    }
}
