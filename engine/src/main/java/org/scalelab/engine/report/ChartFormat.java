package org.scalelab.engine.report;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import javax.imageio.ImageIO;
import org.jfree.chart.JFreeChart;
import org.jfree.pdf.PDFDocument;
import org.jfree.pdf.PDFHints;
import org.jfree.pdf.Page;
import org.jfree.svg.SVGGraphics2D;
import org.jfree.svg.SVGUtils;

/** The files a chart exports to, drawn from the very chart object shown on screen. */
public enum ChartFormat {
    /** Raster at {@value #PNG_SCALE}× the logical size, sharp in print and on high-density screens. */
    PNG {
        @Override
        public void write(JFreeChart chart, Path file) throws IOException {
            BufferedImage image = new BufferedImage(WIDTH * PNG_SCALE, HEIGHT * PNG_SCALE, BufferedImage.TYPE_INT_RGB);
            Graphics2D graphics = image.createGraphics();
            try {
                graphics.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
                graphics.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
                graphics.scale(PNG_SCALE, PNG_SCALE);
                chart.draw(graphics, BOUNDS);
            } finally {
                graphics.dispose();
            }
            if (!ImageIO.write(image, "png", file.toFile())) {
                throw new IOException("this Java runtime has no PNG writer");
            }
        }
    },
    /** Vector, for papers and slides. */
    SVG {
        @Override
        public void write(JFreeChart chart, Path file) throws IOException {
            SVGGraphics2D graphics = new SVGGraphics2D(WIDTH, HEIGHT);
            chart.draw(graphics, BOUNDS);
            SVGUtils.writeToSVG(file.toFile(), graphics.getSVGElement());
        }
    },
    /** Vector, one page of the chart's size. */
    PDF {
        @Override
        public void write(JFreeChart chart, Path file) throws IOException {
            PDFDocument document = new PDFDocument();
            document.setTitle(chart.getTitle() == null ? "ScaleLab chart" : chart.getTitle().getText());
            drawOnPage(chart, document.createPage(BOUNDS));
            document.writeToFile(file.toFile());
        }
    };

    /**
     * Draws the chart on a PDF page with its text as outlines: the PDF's standard fonts have no "×", "—" or "·",
     * which the charts' labels use, and would print "?" instead.
     */
    static void drawOnPage(JFreeChart chart, Page page) {
        Graphics2D graphics = page.getGraphics2D();
        graphics.setRenderingHint(PDFHints.KEY_DRAW_STRING_TYPE, PDFHints.VALUE_DRAW_STRING_TYPE_VECTOR);
        chart.draw(graphics, BOUNDS);
    }

    /** Logical size of an exported chart. */
    public static final int WIDTH = 800;
    public static final int HEIGHT = 500;
    public static final int PNG_SCALE = 3;
    static final Rectangle2D BOUNDS = new Rectangle2D.Double(0, 0, WIDTH, HEIGHT);

    /** The file name ending, also how the command line names the format. */
    public String extension() {
        return name().toLowerCase(Locale.ROOT);
    }

    public abstract void write(JFreeChart chart, Path file) throws IOException;
}
