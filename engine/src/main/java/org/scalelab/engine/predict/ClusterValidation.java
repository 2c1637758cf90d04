package org.scalelab.engine.predict;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.ToDoubleFunction;
import org.scalelab.engine.bench.AllreduceBenchmark;
import org.scalelab.engine.bench.AllreduceBenchmark.Transport;
import org.scalelab.engine.bench.LinkTiming;
import org.scalelab.engine.config.AllreduceAlgorithm;
import org.scalelab.engine.parallel.launch.HostSlot;

/**
 * Predictions for ranks on several hosts checked against measurement on those hosts: the network between them is
 * the links measured to each ({@link org.scalelab.engine.bench.LinkBenchmark}), and each allreduce is timed there
 * with {@code bench allreduce}'s machinery (the step, by {@link Validation} with the hosts file).
 */
public final class ClusterValidation {

    /**
     * One allreduce, predicted and measured.
     *
     * @param wireSeconds     the part of the prediction that is the network's alone ({@link #wireSeconds})
     * @param measuredSeconds NaN when it could not be measured
     * @param failure         why not
     */
    public record AllreduceCheck(int procs, int hosts, int floats, double predictedSeconds, double wireSeconds,
                                 double measuredSeconds, Optional<String> failure) {
        /** (predicted − measured) / measured. */
        public double error() {
            return (predictedSeconds - measuredSeconds) / measuredSeconds;
        }
    }

    private ClusterValidation() {
    }

    /**
     * The network as the ranks see it: every ring step and tree round waits for its slowest link, so the highest
     * latency and the lowest bandwidth measured, with this machine's reduction cost {@code gamma}.
     */
    public static LinkCost slowestLink(List<LinkTiming> links, double gamma) {
        return slowest(links, gamma, LinkTiming::bandwidthGbps);
    }

    /** {@link #slowestLink}, each link's bandwidth as measured with both directions busy (for a ring's steps). */
    public static LinkCost slowestLinkBothWays(List<LinkTiming> links, double gamma) {
        return slowest(links, gamma, LinkTiming::bothWaysGbps);
    }

    private static LinkCost slowest(List<LinkTiming> links, double gamma, ToDoubleFunction<LinkTiming> bandwidthOf) {
        if (links.isEmpty()) {
            throw new IllegalArgumentException("no link was measured");
        }
        double latency = links.stream().mapToDouble(LinkTiming::latencyMicros).max().orElseThrow();
        double bandwidth = links.stream().mapToDouble(bandwidthOf).min().orElseThrow();
        return LinkCost.of(latency, bandwidth, gamma);
    }

    /**
     * The scenario's allreduce over its network alone, as if MPJ's own work cost nothing: what the wire takes. Beside
     * the prediction (MPJ as calibrated here, then the wire) it shows how much of a message is each, and so whether
     * a measurement that falls short of the prediction overlaps the two rather than adding them.
     */
    public static double wireSeconds(Scenario scenario, double floats) {
        if (scenario.hosts() <= 1 || scenario.network() == null) {
            return 0;
        }
        LinkCost free = new LinkCost(0, 0, 0);
        Fabric wire = new Fabric(free, scenario.network(), scenario.networkBothWays(), scenario.hosts(), scenario.ranksPerHost());
        return TransportFit.allreduceSeconds(ScalingModel.niodev(scenario.allreduce(), scenario.hosts()), scenario.procs(),
                floats, wire);
    }

    /**
     * Times one allreduce of {@code floats} floats for every scenario with two or more processes, its ranks on
     * {@code hosts} as a hosts file places them, by the scenario's algorithm over niodev, and sets it beside the
     * model's {@link ScalingModel#rankAllreduceSeconds}.
     */
    public static List<AllreduceCheck> checkAllreduce(ScalingModel model, List<Scenario> scenarios, int floats,
                                                      List<HostSlot> hosts, int warmup, int repeats,
                                                      Consumer<String> progress) throws InterruptedException {
        List<AllreduceCheck> checks = new ArrayList<>();
        List<Scenario> withRanks = scenarios.stream().filter(s -> s.procs() > 1)
                .sorted(Comparator.comparingInt(Scenario::procs)).toList();
        for (Scenario scenario : withRanks) {
            if (checks.stream().anyMatch(c -> c.procs() == scenario.procs())) {
                continue; // one per process count: threads do not take part in the ranks' allreduce
            }
            Transport transport = scenario.allreduce() == AllreduceAlgorithm.BUILTIN ? Transport.NIODEV_BUILTIN : Transport.NIODEV_RING;
            double predicted = model.rankAllreduceSeconds(scenario, floats);
            AllreduceBenchmark.Results results = AllreduceBenchmark.run(new AllreduceBenchmark.Settings(List.of(transport),
                    List.of(scenario.procs()), List.of(floats), warmup, repeats, hosts), progress);
            Optional<String> failure = Optional.ofNullable(results.failures().get(transport));
            double measured = results.millis(transport, floats, scenario.procs()).orElse(Double.NaN) / 1e3;
            checks.add(new AllreduceCheck(scenario.procs(), scenario.hosts(), floats, predicted, wireSeconds(scenario, floats),
                    measured,
                    failure.or(() -> Double.isNaN(measured) ? Optional.of("not measured") : Optional.empty())));
        }
        return checks;
    }
}
