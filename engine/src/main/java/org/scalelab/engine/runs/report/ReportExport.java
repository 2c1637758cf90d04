package org.scalelab.engine.runs.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.jfree.chart.JFreeChart;
import org.scalelab.engine.report.ChartFormat;
import org.scalelab.engine.report.PdfReport;
import org.scalelab.engine.report.ReportFormat;
import org.scalelab.engine.report.ReportTable;
import org.scalelab.engine.report.TableFormat;

/**
 * Writes a report folder, the workbench's "Export report" and {@code scalelab runs export} alike: every chart
 * ({@code charts/}), every table ({@code tables/}), one PDF holding the tables and charts ({@code report.pdf}),
 * and the run records the report is made of ({@code runs/}), so the numbers can be checked and the runs
 * replayed elsewhere.
 */
public final class ReportExport {
    /** The formats a table is exported to, from a report or a table's menu (plain text is for terminals). */
    public static final List<TableFormat> TABLE_FORMATS = List.of(TableFormat.CSV, TableFormat.MARKDOWN,
            TableFormat.LATEX, TableFormat.HTML);

    private ReportExport() {
    }

    /** A new folder in {@code parent} named after {@code now}: {@code scalelab-report-20261204-1712}, then -2, -3… */
    public static Path newFolder(Path parent, LocalDateTime now) throws IOException {
        String name = "scalelab-report-" + now.format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmm"));
        Path folder = parent.resolve(name);
        for (int suffix = 2; Files.exists(folder); suffix++) {
            folder = parent.resolve(name + "-" + suffix);
        }
        return Files.createDirectories(folder);
    }

    /** In every format. */
    public static void write(Path folder, ChartBook charts, List<ReportTable> tables, List<Path> runRecords) throws IOException {
        write(folder, charts, tables, runRecords, EnumSet.allOf(ReportFormat.class));
    }

    /** @return every file written */
    public static List<Path> write(Path folder, ChartBook charts, List<ReportTable> tables, List<Path> runRecords,
                                   Set<ReportFormat> formats) throws IOException {
        List<Path> written = new ArrayList<>();
        List<JFreeChart> all = Arrays.stream(ChartKind.values()).map(charts::chart).toList();
        for (ReportFormat format : formats) {
            if (format.chart().isPresent()) {
                ChartFormat chartFormat = format.chart().get();
                Path chartFolder = Files.createDirectories(folder.resolve("charts"));
                for (ChartKind kind : ChartKind.values()) {
                    Path file = chartFolder.resolve(kind.fileName() + "." + chartFormat.extension());
                    chartFormat.write(charts.chart(kind), file);
                    written.add(file);
                }
            }
            if (format.table().isPresent()) {
                TableFormat tableFormat = format.table().get();
                Path tableFolder = Files.createDirectories(folder.resolve("tables"));
                for (ReportTable table : tables) {
                    Path file = tableFolder.resolve(fileName(table.title()) + "." + tableFormat.extension());
                    Files.writeString(file, tableFormat.render(table));
                    written.add(file);
                }
            }
        }
        if (formats.contains(ReportFormat.PDF)) {
            Path file = folder.resolve("report.pdf");
            PdfReport.write(file, "ScaleLab report", lines(tables), all);
            written.add(file);
        }
        Path runFolder = Files.createDirectories(folder.resolve("runs"));
        for (Path record : runRecords) {
            Path copy = runFolder.resolve(record.getFileName());
            Files.copy(record, copy, StandardCopyOption.REPLACE_EXISTING);
            written.add(copy);
        }
        return written;
    }

    /** Each table under its title, as aligned text. */
    private static List<String> lines(List<ReportTable> tables) {
        List<String> lines = new ArrayList<>();
        for (ReportTable table : tables) {
            lines.add(table.title());
            lines.addAll(TableFormat.TEXT.render(table).lines().toList());
            lines.add("");
        }
        return lines;
    }

    private static String fileName(String title) {
        return title.toLowerCase().replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
    }
}
