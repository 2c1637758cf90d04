package org.scalelab.engine.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.scalelab.engine.bench.AllreduceBenchmark.Transport;
import org.scalelab.engine.bench.AllreduceBenchmark;
import org.scalelab.engine.bench.AllreduceReport;
import org.scalelab.engine.config.ConfigException;
import org.scalelab.engine.parallel.launch.HostFile;
import org.scalelab.engine.parallel.launch.HostSlot;
import org.scalelab.engine.provenance.MachineDescription;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code scalelab bench allreduce}: what summing one gradient across ranks costs, per transport. */
@Command(name = "allreduce", mixinStandardHelpOptions = true,
        description = {"Times allreduce (sum) of one flat float buffer on every transport: MPJ Express's niodev "
                + "(ranks as child JVMs) and smpdev (ranks as threads), each with MPJ's built-in algorithm and the "
                + "ring, the ring of niodev ranks passing its messages through shared memory instead of MPJ, and "
                + "plain threads summing in shared memory.",
                "Default sizes are the gradients of the MLP (235,146 floats) and the CIFAR CNN (1,070,794)."})
public final class BenchAllreduceCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--sizes", split = ",", paramLabel = "FLOATS", description = "buffer lengths (default: ${DEFAULT-VALUE})",
            defaultValue = "235146,1070794")
    private List<Integer> sizes;

    @Option(names = "--ranks", split = ",", paramLabel = "N", description = "rank counts (default: ${DEFAULT-VALUE})",
            defaultValue = "2,3,4")
    private List<Integer> ranks;

    @Option(names = "--transports", split = ",", paramLabel = "NAME",
            description = "niodev-builtin, niodev-ring, niodev-ring-shm, smpdev-builtin, smpdev-ring, threads (default: all)",
            defaultValue = "niodev-builtin,niodev-ring,niodev-ring-shm,smpdev-builtin,smpdev-ring,threads")
    private List<String> transports;

    @Option(names = "--warmup", paramLabel = "CALLS", description = "untimed calls first, for the JIT; half a second at least (default: ${DEFAULT-VALUE})",
            defaultValue = "" + AllreduceBenchmark.DEFAULT_WARMUP)
    private int warmup;

    @Option(names = "--repeats", paramLabel = "CALLS", description = "timed calls; the median is shown (default: ${DEFAULT-VALUE})",
            defaultValue = "" + AllreduceBenchmark.DEFAULT_REPEATS)
    private int repeats;

    @Option(names = "--hosts", paramLabel = "FILE", description = "a hosts file to spread the ranks over (niodev-builtin and "
            + "niodev-ring only; other hosts are reached through ssh, or $SCALELAB_REMOTE_SHELL)")
    private Path hosts;

    @Option(names = "--markdown", description = "print a Markdown table, for docs/PERFORMANCE.md")
    private boolean markdown;

    @Override
    public Integer call() throws InterruptedException {
        MachineDescription machine = MachineDescription.current();
        List<Transport> chosen = transports.stream().map(BenchAllreduceCommand::transport).toList();
        List<HostSlot> placement = hosts == null ? List.of() : HostFile.read(hosts);
        if (hosts != null) {
            chosen.stream().filter(transport -> !transport.spansHosts()).findFirst().ifPresent(transport -> {
                throw new ConfigException("transports", transport.id(), "cannot span hosts: with --hosts, expected niodev-builtin or niodev-ring");
            });
        }
        var settings = new AllreduceBenchmark.Settings(chosen, ranks, sizes, warmup, repeats, placement);
        var err = spec.commandLine().getErr();
        var results = AllreduceBenchmark.run(settings, step -> {
            err.println("measuring " + step + " ...");
            err.flush();
        });
        spec.commandLine().getOut().print(AllreduceReport.render(results, machine, markdown));
        spec.commandLine().getOut().flush();
        return results.failures().isEmpty() ? 0 : 1;
    }

    private static Transport transport(String id) {
        try {
            return Transport.fromId(id);
        } catch (IllegalArgumentException e) {
            throw new ConfigException("transports", id, e.getMessage());
        }
    }
}
