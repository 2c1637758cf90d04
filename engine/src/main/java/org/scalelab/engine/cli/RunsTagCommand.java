package org.scalelab.engine.cli;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import org.scalelab.engine.runs.RunStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code scalelab runs tag ID TAG…}: labels for grouping runs ({@code runs list --tag}). */
@Command(name = "tag", mixinStandardHelpOptions = true, description = "Add tags to a run, or remove them.")
final class RunsTagCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "ID", description = "The run's id (see: scalelab runs list).")
    String runId;

    @Parameters(index = "1..*", paramLabel = "TAG", description = "Tags to add.")
    List<String> added = List.of();

    @Option(names = "--remove", paramLabel = "TAG", description = "A tag to remove (may be repeated).")
    List<String> removed = List.of();

    @Mixin
    RunsDirOption runs;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        if (added.isEmpty() && removed.isEmpty()) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "expected a TAG to add or --remove TAG");
        }
        if (added.stream().anyMatch(String::isBlank)) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "TAG: expected a tag, not blank");
        }
        RunStore store = runs.store();
        Set<String> tags = new TreeSet<>(store.load(runId).tags());
        tags.addAll(added.stream().map(String::strip).toList());
        tags.removeAll(removed);
        store.setTags(runId, tags);
        spec.commandLine().getOut().println(runId + " tags: " + (tags.isEmpty() ? "none" : String.join(", ", tags)));
        return 0;
    }
}
