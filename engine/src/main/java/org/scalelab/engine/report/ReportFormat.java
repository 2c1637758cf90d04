package org.scalelab.engine.report;

import java.util.Locale;
import java.util.Optional;

/** The files a report can be written as: its tables in {@link TableFormat}s, its charts in {@link ChartFormat}s. */
public enum ReportFormat {
    MD(TableFormat.MARKDOWN, null),
    CSV(TableFormat.CSV, null),
    TEX(TableFormat.LATEX, null),
    HTML(TableFormat.HTML, null),
    PNG(null, ChartFormat.PNG),
    SVG(null, ChartFormat.SVG),
    /** Every chart as a PDF, and one PDF holding the whole report. */
    PDF(null, ChartFormat.PDF);

    private final TableFormat table;
    private final ChartFormat chart;

    ReportFormat(TableFormat table, ChartFormat chart) {
        this.table = table;
        this.chart = chart;
    }

    /** The format tables are written in, for a table format. */
    public Optional<TableFormat> table() {
        return Optional.ofNullable(table);
    }

    /** The format charts are written in, for a chart format. */
    public Optional<ChartFormat> chart() {
        return Optional.ofNullable(chart);
    }

    /** Lower case: how {@code --formats} spells it, and the files' extension. */
    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
