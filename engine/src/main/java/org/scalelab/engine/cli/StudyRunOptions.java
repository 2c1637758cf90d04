package org.scalelab.engine.cli;

import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** What {@code study run} and {@code study resume} both take: where runs and data are, oversubscription, JSON. */
final class StudyRunOptions {

    @Option(names = "--allow-oversubscribe",
            description = "Also run cells that need more cores than this machine has (marked oversubscribed).")
    boolean allowOversubscribe;

    @Option(names = "--json", description = "End with one line of JSON describing the study (progress goes to stderr).")
    boolean json;

    @Mixin
    RunsDirOption runs;

    @Mixin
    DataDirOption data;
}
