package org.scalelab.engine.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.scalelab.engine.runs.RunRecord;
import org.scalelab.engine.runs.RunStore;
import org.scalelab.engine.runs.RunTables;
import org.scalelab.engine.runs.report.ChartBook;
import org.scalelab.engine.runs.report.ReportExport;
import org.scalelab.engine.runs.report.RunComparison;
import org.scalelab.engine.runs.speedup.Baselines;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code scalelab runs export ID… --out DIR}: the report the workbench's "Export report" writes for the same runs
 * compared: every chart, the scaling and runs tables, one PDF holding them, and the runs' records.
 */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Write a report of runs compared: charts, tables, one PDF with both, and the runs' records.")
final class RunsExportCommand implements Callable<Integer> {

    @Parameters(paramLabel = "ID", arity = "1..*", description = "The runs' ids (see: scalelab runs list).")
    List<String> runIds;

    @Option(names = "--out", paramLabel = "DIR", required = true, description = "The folder to write (created).")
    Path out;

    @Mixin
    ReportFormatsOption formats;

    @Mixin
    RunsDirOption runs;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        RunStore store = runs.store();
        List<RunRecord> compared = runIds.stream().map(store::load).toList();
        Baselines baselines = new Baselines(store.list().records());
        ChartBook charts = new ChartBook();
        RunComparison.chart(charts, compared, run -> baselines.eligibleFor(run).stream().findFirst());
        List<Path> records = compared.stream().flatMap(run -> store.filesOf(run.runId()).stream()).toList();
        List<Path> written = ReportExport.write(out, charts, List.of(RunTables.comparison(compared, baselines),
                RunTables.listing(compared, baselines)), records, formats.chosen());
        spec.commandLine().getOut().println("Report of " + compared.size() + " run" + (compared.size() == 1 ? "" : "s")
                + ": " + written.size() + " files in " + out);
        return 0;
    }
}
