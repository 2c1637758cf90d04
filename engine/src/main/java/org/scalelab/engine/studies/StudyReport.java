package org.scalelab.engine.studies;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jfree.chart.JFreeChart;
import org.scalelab.engine.report.ChartFormat;
import org.scalelab.engine.report.PdfReport;
import org.scalelab.engine.report.ReportFormat;
import org.scalelab.engine.report.ReportTable;
import org.scalelab.engine.report.TableFormat;
import org.scalelab.engine.runs.speedup.Throughput;

/**
 * A study's report as files: the table (Markdown with the charts and how to read them, CSV, LaTeX, HTML) and
 * every chart (PNG at 3×, SVG, PDF), plus one PDF holding the table and all charts. The substitution a plan made
 * (real data standing in for a dataset that is not installed) is stated on every page and chart.
 */
public final class StudyReport {
    private StudyReport() {
    }

    /** @return every file written */
    public static List<Path> write(StudyResults results, Path folder, Set<ReportFormat> formats) throws IOException {
        Files.createDirectories(folder);
        List<Path> written = new ArrayList<>();
        ReportTable table = StudyTable.of(results);
        Map<StudyCharts.Kind, JFreeChart> charts = StudyCharts.all(results);
        for (ReportFormat format : formats) {
            switch (format) {
                case MD -> written.add(write(folder.resolve("study.md"), markdown(results, table, charts.keySet())));
                case CSV -> written.add(write(folder.resolve("study.csv"), TableFormat.CSV.render(table)));
                case TEX -> written.add(write(folder.resolve("study.tex"), TableFormat.LATEX.render(table)));
                case HTML -> written.add(write(folder.resolve("study.html"), html(results, table, charts.keySet())));
                case PNG, SVG, PDF -> {
                    ChartFormat chartFormat = format.chart().orElseThrow();
                    for (Map.Entry<StudyCharts.Kind, JFreeChart> chart : charts.entrySet()) {
                        Path file = folder.resolve(chart.getKey().fileName() + "." + chartFormat.extension());
                        chartFormat.write(chart.getValue(), file);
                        written.add(file);
                    }
                    if (format == ReportFormat.PDF) {
                        written.add(wholePdf(results, table, charts, folder.resolve("study.pdf")));
                    }
                }
            }
        }
        return written;
    }

    private static Path write(Path file, String text) throws IOException {
        Files.writeString(file, text);
        return file;
    }

    /** Who the speedups were measured against: the study's own serial runs, each named. */
    static List<String> baselines(StudyResults results) {
        List<String> lines = new ArrayList<>();
        for (StudyResults.Row row : results.rows()) {
            if (!row.baseline()) {
                continue;
            }
            for (StudyResults.CellFigures figures : row.repeats()) {
                if (figures.measured()) {
                    lines.add(String.format(Locale.ROOT, "%s: run %s (%s), %,.0f images/s", row.label(),
                            figures.record().runId(), figures.record().name(), Throughput.of(figures.record()).imagesPerSecond()));
                }
            }
        }
        return lines;
    }

    private static List<String> header(StudyResults results) {
        StudyRecord study = results.study();
        List<String> lines = new ArrayList<>();
        String description = study.plan() != null && study.plan().hasNonNull("description")
                ? study.plan().get("description").asText() : "";
        if (!description.isEmpty()) {
            lines.add(description);
        }
        if (study.substitution() != null) {
            lines.add("Substitution: " + study.substitution());
        }
        lines.add("Study " + study.studyId() + (study.quick() ? " (quick)" : "") + ", started " + study.createdAt()
                + ", " + study.effectiveStatus() + ", " + study.cellsDone() + "/" + study.cells().size() + " cells.");
        lines.add("Speedup = steady images/s (median warm epoch) over that of the study's serial run of the same "
                + "configuration but the strategy, the one closest in time; efficiency = speedup / (P × T).");
        return lines;
    }

    private static String markdown(StudyResults results, ReportTable table, Iterable<StudyCharts.Kind> charts) {
        StringBuilder text = new StringBuilder("# " + results.study().name() + "\n\n");
        header(results).forEach(line -> text.append(line).append("\n\n"));
        text.append(TableFormat.MARKDOWN.render(table)).append('\n');
        text.append("Baselines:\n");
        baselines(results).forEach(line -> text.append("- ").append(line).append('\n'));
        text.append('\n');
        for (StudyCharts.Kind kind : charts) {
            text.append("![").append(kind.fileName()).append("](").append(kind.fileName()).append(".png)\n");
        }
        text.append("\nMade by `").append(runCommand(results.study())).append("` and `scalelab study report ")
                .append(results.study().studyId()).append(" --out DIR`.\n");
        return text.toString();
    }

    /** The command that runs the study again, its plan named relative to the working folder when it is under it. */
    static String runCommand(StudyRecord study) {
        Path plan = Path.of(study.planFile());
        Path here = Path.of("").toAbsolutePath();
        String shown = plan.startsWith(here) ? here.relativize(plan).toString() : plan.toString();
        return "scalelab study run " + shown + (study.quick() ? " --quick" : "")
                + (study.allowOversubscribe() ? " --allow-oversubscribe" : "");
    }

    private static String html(StudyResults results, ReportTable table, Iterable<StudyCharts.Kind> charts) {
        StringBuilder text = new StringBuilder("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>")
                .append(escape(results.study().name())).append("</title>\n<style>body{font-family:sans-serif;max-width:"
                        + "70em;margin:auto}table{border-collapse:collapse}td,th{padding:2px 8px;border-bottom:1px solid "
                        + "#ddd}td.number{text-align:right}img{max-width:100%}</style></head><body>\n<h1>")
                .append(escape(results.study().name())).append("</h1>\n");
        header(results).forEach(line -> text.append("<p>").append(escape(line)).append("</p>\n"));
        text.append(TableFormat.HTML.render(table)).append("<p>Baselines:</p>\n<ul>\n");
        baselines(results).forEach(line -> text.append("<li>").append(escape(line)).append("</li>\n"));
        text.append("</ul>\n");
        for (StudyCharts.Kind kind : charts) {
            text.append("<p><img src=\"").append(kind.fileName()).append(".svg\" alt=\"").append(kind.fileName())
                    .append("\"></p>\n");
        }
        return text.append("</body></html>\n").toString();
    }

    /** The table and its notes first, then a page per chart ({@link PdfReport}). */
    private static Path wholePdf(StudyResults results, ReportTable table, Map<StudyCharts.Kind, JFreeChart> charts,
                                 Path file) throws IOException {
        List<String> lines = new ArrayList<>(header(results));
        lines.add("");
        lines.addAll(TableFormat.TEXT.render(table).lines().toList());
        lines.add("");
        lines.addAll(baselines(results));
        PdfReport.write(file, results.study().name(), lines, List.copyOf(charts.values()));
        return file;
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
