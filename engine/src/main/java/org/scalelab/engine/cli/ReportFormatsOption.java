package org.scalelab.engine.cli;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.scalelab.engine.report.ReportFormat;
import picocli.CommandLine.Option;

/** {@code --formats}, shared by the commands that write a report: which files of it to write. */
final class ReportFormatsOption {

    @Option(names = "--formats", split = ",", paramLabel = "FORMAT", converter = LowerCaseEnumConverter.ReportFormatConverter.class,
            description = "Any of ${COMPLETION-CANDIDATES} (pdf: every chart, and one PDF of it all). Default: all.")
    List<ReportFormat> formats = List.of(ReportFormat.values());

    Set<ReportFormat> chosen() {
        return EnumSet.copyOf(formats);
    }
}
