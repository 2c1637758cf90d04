package org.scalelab.engine.report;

import java.awt.Color;
import java.awt.Font;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.StandardChartTheme;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.Plot;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.renderer.xy.StandardXYBarPainter;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.TextAnchor;

/** The quiet, light look of every chart; applied once when a chart is defined, so exports match the screen. */
public final class ChartTheme {
    private static final String FONT = Font.SANS_SERIF;
    private static final StandardChartTheme THEME = theme();
    /** Pixels between the lines of markers' labels (their font is 10 points). */
    private static final int MARKER_LINE_HEIGHT = 13;

    private ChartTheme() {
    }

    public static void apply(JFreeChart chart) {
        THEME.apply(chart);
        chart.setBackgroundPaint(Color.WHITE);
        chart.setPadding(new RectangleInsets(6, 6, 6, 10));
        Plot plot = chart.getPlot();
        plot.setBackgroundPaint(ChartPalette.PLOT_BACKGROUND);
        plot.setOutlineVisible(false);
        if (plot instanceof XYPlot xy) {
            xy.setDomainGridlinePaint(ChartPalette.GRID);
            xy.setRangeGridlinePaint(ChartPalette.GRID);
        } else if (plot instanceof CategoryPlot category) {
            category.setRangeGridlinePaint(ChartPalette.GRID);
        }
        if (chart.getLegend() != null) {
            chart.getLegend().setFrame(BlockBorder.NONE);
            chart.getLegend().setBackgroundPaint(Color.WHITE);
        }
    }

    /** The dashed vertical line at this machine's cores, labelled so, where predictions go beyond them. */
    public static ValueMarker machineMarker(int cores) {
        return labelledMarker(cores, "this machine: " + cores + " cores", ChartPalette.IDEAL, 0, false);
    }

    /**
     * A dashed vertical line at {@code x} with its label beside it at the top.
     *
     * @param row  the label's line from the top, 0 first: markers close together put their labels on different
     *             lines rather than over each other
     * @param left the label to the left of the line, for a line that may stand at the right edge of the plot
     *             (whose labels to its right were cut off there)
     */
    public static ValueMarker labelledMarker(double x, String label, Color colour, int row, boolean left) {
        ValueMarker marker = new ValueMarker(x, colour, ChartPalette.DASHED);
        marker.setAlpha(1f); // in its own colour, which the lines of runs are not
        marker.setLabel(label);
        marker.setLabelFont(new Font(FONT, Font.PLAIN, 10));
        marker.setLabelPaint(ChartPalette.TEXT);
        marker.setLabelBackgroundColor(new Color(0, 0, 0, 0));
        marker.setLabelAnchor(left ? RectangleAnchor.TOP_LEFT : RectangleAnchor.TOP_RIGHT);
        marker.setLabelTextAnchor(left ? TextAnchor.TOP_RIGHT : TextAnchor.TOP_LEFT);
        marker.setLabelOffset(new RectangleInsets(3 + MARKER_LINE_HEIGHT * row, 3, 3, 3));
        return marker;
    }

    private static StandardChartTheme theme() {
        StandardChartTheme theme = new StandardChartTheme("ScaleLab");
        theme.setExtraLargeFont(new Font(FONT, Font.BOLD, 15));
        theme.setLargeFont(new Font(FONT, Font.PLAIN, 12));
        theme.setRegularFont(new Font(FONT, Font.PLAIN, 11));
        theme.setSmallFont(new Font(FONT, Font.PLAIN, 10));
        theme.setTitlePaint(ChartPalette.TEXT);
        theme.setAxisLabelPaint(ChartPalette.TEXT);
        theme.setTickLabelPaint(ChartPalette.TEXT);
        theme.setLegendItemPaint(ChartPalette.TEXT);
        theme.setShadowVisible(false);
        theme.setBarPainter(new StandardBarPainter());
        theme.setXYBarPainter(new StandardXYBarPainter());
        return theme;
    }
}
