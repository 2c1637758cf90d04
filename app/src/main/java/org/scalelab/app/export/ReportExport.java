package org.scalelab.app.export;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.scalelab.app.charts.ChartBook;
import org.scalelab.app.charts.ChartKind;
import org.scalelab.engine.report.ChartFormat;
import org.scalelab.engine.report.ReportTable;
import org.scalelab.engine.report.TableFormat;

/**
 * Writes a report folder: every chart as PNG and SVG, every table as CSV, Markdown and LaTeX, and the run
 * records the report is made of, so the numbers can be checked and the runs replayed elsewhere.
 */
public final class ReportExport {
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

    public static void write(Path folder, ChartBook charts, List<ReportTable> tables, List<Path> runRecords) throws IOException {
        Path chartFolder = Files.createDirectories(folder.resolve("charts"));
        for (ChartKind kind : ChartKind.values()) {
            for (ChartFormat format : ChartFormat.values()) {
                format.write(charts.chart(kind), chartFolder.resolve(kind.fileName() + "." + format.extension()));
            }
        }
        Path tableFolder = Files.createDirectories(folder.resolve("tables"));
        for (ReportTable table : tables) {
            for (TableFormat format : ExportMenus.EXPORTED) {
                Files.writeString(tableFolder.resolve(fileName(table.title()) + "." + format.extension()), format.render(table));
            }
        }
        Path runFolder = Files.createDirectories(folder.resolve("runs"));
        for (Path record : runRecords) {
            Files.copy(record, runFolder.resolve(record.getFileName()), StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static String fileName(String title) {
        return title.toLowerCase().replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
    }
}
