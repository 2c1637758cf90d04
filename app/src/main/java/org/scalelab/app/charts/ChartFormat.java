package org.scalelab.app.charts;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.jfree.chart.JFreeChart;
import org.jfree.svg.SVGGraphics2D;
import org.jfree.svg.SVGUtils;

/** The files a chart exports to, drawn from the very chart object shown on screen. */
public enum ChartFormat {
    /** Raster at {@value #PNG_SCALE}× the logical size, sharp in print and on high-density screens. */
    PNG("png") {
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
    SVG("svg") {
        @Override
        public void write(JFreeChart chart, Path file) throws IOException {
            SVGGraphics2D graphics = new SVGGraphics2D(WIDTH, HEIGHT);
            chart.draw(graphics, BOUNDS);
            SVGUtils.writeToSVG(file.toFile(), graphics.getSVGElement());
        }
    };

    /** Logical size of an exported chart. */
    public static final int WIDTH = 800;
    public static final int HEIGHT = 500;
    public static final int PNG_SCALE = 3;
    private static final Rectangle2D BOUNDS = new Rectangle2D.Double(0, 0, WIDTH, HEIGHT);

    private final String extension;

    ChartFormat(String extension) {
        this.extension = extension;
    }

    public String extension() {
        return extension;
    }

    public abstract void write(JFreeChart chart, Path file) throws IOException;
}
