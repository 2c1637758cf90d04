import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Path2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import javax.imageio.ImageIO;

/**
 * Draws ScaleLab's icon, scalelab.png: bars for 1, 2, 4 and 8 workers under a speedup curve, in the workbench's
 * header and accent colours. Kept as code so that the icon can be redrawn at another size:
 * {@code java installer/DrawIcon.java assets/icons/scalelab.png 256}.
 */
public final class DrawIcon {
    public static void main(String[] args) throws IOException {
        int size = Integer.parseInt(args[1]);
        BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        g.scale(size / 256.0, size / 256.0);

        g.setPaint(new GradientPaint(0, 0, new Color(0x2c3e66), 256, 256, new Color(0x1f2a44)));
        g.fill(new RoundRectangle2D.Double(8, 8, 240, 240, 56, 56));

        double[] heights = {40, 72, 112, 150};
        for (int i = 0; i < heights.length; i++) {
            double x = 44 + i * 44;
            g.setPaint(new GradientPaint(0, 60, new Color(0x6f9bf0), 0, 210, new Color(0x3b6fd8)));
            g.fill(new RoundRectangle2D.Double(x, 206 - heights[i], 32, heights[i], 10, 10));
        }

        Path2D curve = new Path2D.Double();
        curve.moveTo(46, 150);
        curve.curveTo(110, 120, 160, 76, 212, 40);
        g.setStroke(new BasicStroke(12, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.setColor(new Color(0xf5b942));
        g.draw(curve);
        g.dispose();
        ImageIO.write(image, "png", new File(args[0]));
    }
}
