package org.scalelab.engine.bench;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.scalelab.engine.parallel.launch.HostSlot;
import org.scalelab.engine.parallel.launch.RankDevice;
import org.scalelab.engine.parallel.launch.RankJob;
import org.scalelab.engine.parallel.launch.RankJobSpec;
import org.scalelab.engine.parallel.launch.RemoteShell;

/**
 * The links from the first host of a hosts file to each of the others, measured by a {@link LinkBenchTask}: one niodev
 * rank per host, started as the job's ranks are (through {@link RemoteShell} on other hosts), so the probe runs
 * where training's ranks will and leaves nothing behind.
 */
public final class LinkBenchmark {
    private static final ObjectMapper JSON = new ObjectMapper();

    private LinkBenchmark() {
    }

    /**
     * @throws IllegalArgumentException with fewer than two distinct hosts: there is no link to measure
     * @throws org.scalelab.engine.parallel.launch.RankJobException when a rank could not start or failed
     */
    public static List<LinkTiming> measure(List<HostSlot> hosts, LinkProbe.Settings settings) throws InterruptedException {
        List<HostSlot> distinct = new ArrayList<>();
        for (HostSlot host : hosts) {
            if (distinct.stream().noneMatch(h -> h.address().equals(host.address()))) {
                distinct.add(new HostSlot(host.name(), host.address(), 1, host.local()));
            }
        }
        if (distinct.size() < 2) {
            throw new IllegalArgumentException("a link needs two hosts, the hosts file names " + distinct.size());
        }
        List<LinkTiming> timings = Collections.synchronizedList(new ArrayList<>());
        RankJobSpec spec = RankJobSpec.builder(LinkBenchTask.class, distinct.size()).hosts(distinct)
                .remoteShell(RemoteShell.fromEnvironment())
                .taskArgs(LinkBenchTask.args(settings, distinct.stream().map(h -> h.address().getHostAddress()).toList()))
                .build();
        RankJob job = RankDevice.NIODEV.start(spec, (rank, line) -> {
            if (line.startsWith("{")) {
                timings.add(parse(line));
            }
        });
        job.await();
        return List.copyOf(timings);
    }

    private static LinkTiming parse(String line) {
        try {
            return JSON.readValue(line, LinkTiming.class);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("unreadable link timing from a rank: " + line, e);
        }
    }
}
