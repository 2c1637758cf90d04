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

/**
 * One PDF holding a report: its title and text (tables as aligned text, in the PDF's standard fonts so that it
 * can be searched and copied) on the first pages, then a page per chart, every page the size of a chart, all of it
 * vectors. Studies and the workbench's (and {@code runs export}'s)
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
            page.drawString(inStandardFont(line), MARGIN, y);
            y += size + 2;
        }
        for (JFreeChart chart : charts) {
            ChartFormat.drawOnPage(chart, document.createPage(bounds));
        }
        document.writeToFile(file.toFile());
    }

    private static Graphics2D textPage(PDFDocument document, Rectangle2D bounds, String heading) {
        Graphics2D page = document.createPage(bounds).getGraphics2D();
        page.setPaint(Color.WHITE);
        page.fill(bounds);
        page.setPaint(Color.BLACK);
        page.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 13));
        page.drawString(inStandardFont(heading), MARGIN, TITLE_BASELINE);
        return page;
    }

    /**
     * The text in the characters the PDF's standard fonts draw, so that it stays text (found, copied) rather than
     * outlines: the signs the tables use are spelt out, anything else beyond ASCII becomes "?".
     */
    static String inStandardFont(String text) {
        String spelt = text.replace("×", "x").replace("—", "-").replace("–", "-").replace("·", "|")
                .replace("≥", ">=").replace("≤", "<=").replace("±", "+/-").replace("…", "...").replace("−", "-");
        StringBuilder ascii = new StringBuilder(spelt.length());
        spelt.codePoints().forEach(c -> ascii.append(c < 128 ? (char) c : '?'));
        return ascii.toString();
    }

    /** Small enough for the widest line to fit the page's width. */
    private static int fontSizeFor(List<String> lines) {
        int widest = lines.stream().mapToInt(String::length).max().orElse(80);
        return Math.max(4, Math.min(9, (int) ((ChartFormat.WIDTH - 2 * MARGIN) / (0.6 * widest))));
    }
}
