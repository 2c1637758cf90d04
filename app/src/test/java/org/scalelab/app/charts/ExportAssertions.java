package org.scalelab.app.charts;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.scalelab.engine.report.ChartFormat;
import org.w3c.dom.Document;

/** Checks that exported files are what they claim to be. */
public final class ExportAssertions {
    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    private ExportAssertions() {
    }

    /** A PNG file (by its signature) of exactly the logical chart size times the export scale. */
    public static void assertChartPng(Path file) throws Exception {
        assertArrayEquals(PNG_SIGNATURE, Arrays.copyOf(Files.readAllBytes(file), PNG_SIGNATURE.length), file.toString());
        BufferedImage image = ImageIO.read(file.toFile());
        assertEquals(ChartFormat.WIDTH * ChartFormat.PNG_SCALE, image.getWidth());
        assertEquals(ChartFormat.HEIGHT * ChartFormat.PNG_SCALE, image.getHeight());
    }

    /** Parses as XML (without fetching the DTD the DOCTYPE names) with an {@code svg} root; returns the text. */
    public static String assertSvg(Path file) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        Document svg = factory.newDocumentBuilder().parse(file.toFile());
        assertEquals("svg", svg.getDocumentElement().getNodeName(), file.toString());
        return Files.readString(file);
    }
}
