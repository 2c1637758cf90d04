package org.scalelab.engine.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.scalelab.engine.report.TableFormat;
import org.scalelab.engine.runs.RunRecord;
import org.scalelab.engine.runs.RunStore;
import org.scalelab.engine.runs.RunTables;
import org.scalelab.engine.runs.speedup.Baselines;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code scalelab runs compare ID…}: the scaling table of chosen runs, each against its closest eligible serial
 * baseline (same machine, dataset, model, global batch and optimiser), which the table names.
 */
@Command(name = "compare", mixinStandardHelpOptions = true,
        description = "Compare runs: time, images/s, speedup and efficiency against each one's serial baseline.")
final class RunsCompareCommand implements Callable<Integer> {

    @Parameters(paramLabel = "ID", arity = "1..*", description = "The runs' ids (see: scalelab runs list).")
    List<String> runIds;

    @Option(names = "--format", paramLabel = "FORMAT", converter = TableFormatConverter.class,
            description = "txt (default), md, csv, tex or html.")
    TableFormat format = TableFormat.TEXT;

    @Mixin
    RunsDirOption runs;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        RunStore store = runs.store();
        List<RunRecord> compared = runIds.stream().map(store::load).toList();
        PrintWriter out = spec.commandLine().getOut();
        out.print(format.render(RunTables.comparison(compared, new Baselines(store.list().records()))));
        out.flush();
        return 0;
    }
}
